using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console;

/// <summary>The list's filters and page, as read from the query string (anything unknown means "all").</summary>
public sealed record CaseListQuery(CaseStage? Stage, SeverityRating? Severity, int Page)
{
    public static CaseListQuery Parse(string? stage, string? severity, int? page) => new(
        Enum.TryParse<CaseStage>(stage, ignoreCase: true, out var s) && s != CaseStage.Closed && Enum.IsDefined(s) ? s : null,
        Enum.TryParse<SeverityRating>(severity, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : null,
        page is > 0 ? page.Value : 1);
}
