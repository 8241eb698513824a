using DurableVulns.Domain.Reports;

namespace DurableVulns.Api.Cases;

/// <summary>The status JSON of <c>GET /api/reports/{id}</c>; times are in the case's time zone.</summary>
public sealed record CaseStatus(
    string Id,
    string Stage,
    DateTimeOffset ReceivedAt,
    DateTimeOffset MiitDeadline,
    bool MiitSubmitted,
    DateTimeOffset? MiitSubmittedAt,
    string? MiitReceiptId,
    bool MiitBreached,
    bool Embargoed,
    DisclosureView? Disclosure,
    PublicationView? Publication,
    string PolicyVersion,
    ReportSubmission Report,
    Assessment? Assessment,
    PatchRelease? Patch,
    IReadOnlyList<HeldUpMailView> MailHeldUp,
    IReadOnlyList<TimelineItem> Timeline);
