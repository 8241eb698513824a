using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Api.Cases;

/// <summary>Builds the API's views of a case record and its audit trail.</summary>
public static class CaseViews
{
    public static CaseStatus Status(CaseRecord record, IReadOnlyList<AuditEntry> audit) => new(
        record.Id,
        record.Stage.ToString(),
        Local(record, record.ReceivedAtUtc),
        Local(record, record.MiitDeadlineUtc),
        record.MiitSubmitted,
        record.MiitSubmittedAtUtc is { } submitted ? Local(record, submitted) : null,
        record.MiitReceiptId,
        record.MiitBreached,
        record.Embargoed,
        record.Disclosure is { } disclosure ? Disclosure(record, disclosure) : null,
        record.Publication is { } publication ? Publication(record, publication) : null,
        record.PolicyVersion,
        record.Report,
        record.Assessment,
        record.Patch,
        [.. (record.MailHeldUp ?? []).Select(m => new HeldUpMailView(m.Message, m.Article, Local(record, m.SinceUtc)))],
        [.. audit.Select(e => new TimelineItem(Local(record, e.AtUtc), e.Type, e.Article, e.Detail))]);

    private static DisclosureView Disclosure(CaseRecord record, DisclosureRecord disclosure) => new(
        disclosure.RequestId,
        disclosure.State.ToString(),
        disclosure.Request.RequestedBy,
        disclosure.Request.ProposedDate,
        Local(record, disclosure.RequestedAtUtc),
        Reviewer(record, disclosure.Miit),
        Reviewer(record, disclosure.Mps));

    private static PublicationView Publication(CaseRecord record, PublicationRecord publication) => new(
        publication.PublicationId,
        publication switch
        {
            { PublishedAtUtc: not null } => "Published",
            { Consent: ReviewState.Pending } => "HeldForMpsConsent",
            _ => "NotPublished",
        },
        publication.Advisory.Title,
        publication.Blackout,
        publication.PublishedAtUtc is { } at ? Local(record, at) : null,
        Reviewer(record, publication.MpsDecision));

    private static ReviewerView? Reviewer(CaseRecord record, ReviewDecision? decision) => decision is null
        ? null
        : new ReviewerView(decision.Approved ? "Approved" : "Rejected", decision.Reviewer, Local(record, decision.AtUtc));

    public static MiitPackageView Package(CaseRecord record)
    {
        var package = MiitPackage.From(record.Report, record.Assessment);
        var missing = package.MissingFields();
        return new MiitPackageView(record.Id, package, missing.Count == 0, missing);
    }

    public static DateTimeOffset Local(CaseRecord record, DateTime utc) =>
        ChinaTime.ToZone(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), record.TimeZone);
}
