using DurableVulns.Api;
using DurableVulns.Web.Portal;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DurableVulns.Web.Pages.Track;

/// <summary>
/// The reporter's tracking page. A token that opens no case, malformed or not, costs the same
/// hash, lookup and reads as one that does, and ends in the same 404 page.
/// </summary>
[EnableRateLimiting(ApiServiceCollectionExtensions.IntakeRateLimit)]
public sealed class IndexModel(ITrackingLinks trackingLinks, ICaseStore cases, IAuditLog audit) : PageModel
{
    private const string DecoyCaseId = "00000000000000000000000000000000";

    public ReporterView? View { get; private set; }

    // Any path under /track/ comes here, an empty or nested one too: every miss takes the same path.
    public async Task OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        var caseId = await trackingLinks.FindCaseAsync(token ?? "", cancellationToken);
        var record = await cases.GetAsync(caseId ?? DecoyCaseId, cancellationToken);
        var entries = await audit.ReadAsync(caseId ?? DecoyCaseId, cancellationToken);
        if (caseId is null || record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        View = ReporterView.From(record, entries);
    }
}
