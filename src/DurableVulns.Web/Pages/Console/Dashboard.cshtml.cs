using DurableVulns.Web.Console.Dashboard;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DurableVulns.Web.Pages.Console;

/// <summary>The dashboard: open cases by stage, MIIT deadlines met and missed per week, the next deadlines.</summary>
public sealed class DashboardModel(ICaseStore cases, TimeProvider time) : PageModel
{
    public DashboardStats Stats { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Closed cases count for the weekly history: one week more than the chart shows covers its first week whole.
        var records = await cases.ListAsync(now.AddDays(-7 * (DashboardStats.WeekCount + 1)), cancellationToken);
        Stats = DashboardStats.From(records, now);
    }
}
