using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Domain.Reports;

/// <summary>
/// What users query about a case. The orchestration's activities keep it current;
/// workflow history is never read for this.
/// </summary>
public sealed record CaseRecord(
    string Id,
    DateTime ReceivedAtUtc,
    ReportSubmission Report,
    string PolicyVersion,
    string TimeZone,
    CaseStage Stage,
    DateTime MiitDeadlineUtc,
    DateTime? MiitSubmittedAtUtc = null,
    string? MiitReceiptId = null,
    bool MiitBreached = false,
    Assessment? Assessment = null,
    PatchRelease? Patch = null,
    DateTime? ClosedAtUtc = null,
    DisclosureRecord? Disclosure = null,
    PublicationRecord? Publication = null)
{
    public bool MiitSubmitted => MiitSubmittedAtUtc is not null;

    /// <summary>Art. 9(1): nothing is published before the fix, unless MIIT and MPS approved an early disclosure.</summary>
    public bool Embargoed => Stage is CaseStage.Received or CaseStage.Assessed && Disclosure?.State != ReviewState.Approved;

    public bool Published => Publication?.PublishedAtUtc is not null;

    /// <summary>A review is open: an early-disclosure request, or a publication held for MPS consent (Art. 9(6)).</summary>
    public bool ReviewPending => Disclosure?.State == ReviewState.Pending || Publication?.Consent == ReviewState.Pending;
}
