using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>
/// A publication event as the API raises it outside any blackout (none named), with a calendar of
/// one window, "National Day": for the tests of a window that began after the API let it through.
/// </summary>
internal static class CalendarPublication
{
    /// <summary>Patches a new case, then raises the publication on its workflow; returns the case id.</summary>
    public static async Task<string> RaiseOnPatchedCaseAsync(DurableVulnsHost host, DateTimeOffset windowFrom, DateTimeOffset windowTo)
    {
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        var command = new PublicationCommand(
            new Advisory("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")], ContainsExploitCode: false, ContainsOperatorSystemDetails: false),
            Blackout: null, [new BlackoutWindow("National Day", windowFrom, windowTo)]);
        await host.Services.GetRequiredService<IWorkflowClient>().RaiseEventAsync(id, EventNames.Publication,
            new PsirtAction<PublicationCommand>("publication-1", "psirt-api", command, DateTime.UtcNow));
        return id;
    }
}
