using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console;

/// <summary>The list's filters and page, as read from the query string (anything unknown means "all").</summary>
/// <param name="MailHeldUp">Only cases with a message the mail service has not taken yet (<c>mail=held</c>).</param>
public sealed record CaseListQuery(CaseStage? Stage, SeverityRating? Severity, int Page, bool MailHeldUp = false)
{
    /// <summary>The <c>mail</c> query value that keeps only cases with mail held up.</summary>
    public const string HeldMail = "held";

    public static CaseListQuery Parse(string? stage, string? severity, int? page, string? mail = null) => new(
        Enum.TryParse<CaseStage>(stage, ignoreCase: true, out var s) && s != CaseStage.Closed && Enum.IsDefined(s) ? s : null,
        Enum.TryParse<SeverityRating>(severity, ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : null,
        page is > 0 ? page.Value : 1,
        string.Equals(mail, HeldMail, StringComparison.OrdinalIgnoreCase));
}
