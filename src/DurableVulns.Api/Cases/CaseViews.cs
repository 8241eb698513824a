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
        record.PolicyVersion,
        record.Report,
        record.Assessment,
        record.Patch,
        [.. audit.Select(e => new TimelineItem(Local(record, e.AtUtc), e.Type, e.Article, e.Detail))]);

    public static MiitPackageView Package(CaseRecord record)
    {
        var package = MiitPackage.From(record.Report, record.Assessment);
        var missing = package.MissingFields();
        return new MiitPackageView(record.Id, package, missing.Count == 0, missing);
    }

    public static DateTimeOffset Local(CaseRecord record, DateTime utc) =>
        ChinaTime.ToZone(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), record.TimeZone);
}
