using DurableVulns.Api.Cases;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console;

/// <summary>
/// The console's case list: every open case, least time left first (overdue ones on top, cases whose
/// clock has stopped after all running clocks), filtered by stage, severity and held-up mail, one page
/// at a time.
/// </summary>
/// <param name="MailHeldUpCount">How many open cases, whatever the filters, have a message the mail service has not taken yet.</param>
public sealed record CaseList(IReadOnlyList<CaseListRow> Rows, int Total, int Page, int Pages, int MailHeldUpCount = 0)
{
    public static CaseList From(IEnumerable<CaseRecord> records, CaseListQuery query, DateTime nowUtc, int pageSize)
    {
        var open = records.Where(r => r.Stage != CaseStage.Closed).ToList();
        var matching = open
            .Where(r => (query.Stage is null || r.Stage == query.Stage) && (!query.MailHeldUp || r.MailHeldUpSinceUtc is not null))
            .Select(r => new CaseListRow(r.Id, ProductText.Full(r.Report.Product), CvssRating.Of(r.Assessment?.Severity), r.Stage, MiitCountdown.Of(r, nowUtc),
                r.MailHeldUpSinceUtc is { } since ? CaseViews.Local(r, since) : null))
            .Where(row => query.Severity is null || row.Severity == query.Severity)
            .OrderBy(row => row.Clock.Urgency == Urgency.Stopped)
            .ThenBy(row => row.Clock.Deadline)
            .ThenBy(row => row.Id, StringComparer.Ordinal)
            .ToList();
        var pages = Math.Max(1, (matching.Count + pageSize - 1) / pageSize);
        var page = Math.Min(query.Page, pages);
        return new CaseList([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count, page, pages,
            open.Count(r => r.MailHeldUpSinceUtc is not null));
    }
}
