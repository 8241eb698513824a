using DurableVulns.Web.Console;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Pages.Console;

/// <summary>Every open case with its MIIT countdown, least time left first.</summary>
public sealed class IndexModel(ICaseStore cases, IOptionsSnapshot<ConsoleOptions> options, TimeProvider time) : PageModel
{
    public CaseList List { get; private set; } = new([], 0, 1, 1);

    public CaseListQuery Query { get; private set; } = CaseListQuery.Parse(null, null, null);

    public async Task OnGetAsync(string? stage, string? severity, int? page, string? mail, CancellationToken cancellationToken)
    {
        Query = CaseListQuery.Parse(stage, severity, page, mail);
        var open = await cases.ListAsync(cancellationToken: cancellationToken);
        List = CaseList.From(open, Query, time.GetUtcNow().UtcDateTime, Math.Max(1, options.Value.PageSize));
    }

    /// <summary>The list's URL for another page, keeping the filters.</summary>
    public string PageUrl(int page) =>
        $"/console?stage={Query.Stage}&severity={Query.Severity}{(Query.MailHeldUp ? "&mail=" + CaseListQuery.HeldMail : "")}&page={page}";
}
