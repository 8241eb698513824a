using DurableVulns.Domain.Disclosure;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>An action that reaches the workflow while the case closes is refused, not dropped with it.</summary>
public sealed class ClosingRaceTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Fact]
    public async Task Close_PublicationQueuedRightBehindIt_PublicationRefusedOnTheTimeline()
    {
        // Arrange: a case that may close (patched, submitted to MIIT) and may publish.
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.WaitForAsync(id, s => s.Has("UsersNotified"));
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        var advisory = new Advisory("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")], ContainsExploitCode: false, ContainsOperatorSystemDetails: false);

        // Act: both events at once, the close first, as two API calls that passed their checks together.
        await workflows.RaiseEventAsync(id, EventNames.Close,
            new PsirtAction<CloseRequest>("close-1", "psirt-api", new CloseRequest("Fixed."), DateTime.UtcNow));
        await workflows.RaiseEventAsync(id, EventNames.Publication,
            new PsirtAction<PublicationCommand>("publication-1", "psirt-api", new PublicationCommand(advisory, Blackout: null, []), DateTime.UtcNow));
        var status = await host.WaitForAsync(id, s => s.Has("Closed") && s.Has("ActionRefused"));

        // Assert: the publication's caller finds its answer under its action id; nothing went out.
        var refusal = await host.Services.GetRequiredService<IAuditLog>().FindAsync(id, "publication-1");
        Assert.NotNull(refusal);
        Assert.Equal("ActionRefused", refusal.Type);
        Assert.Contains("closed before this action was applied", refusal.Detail, StringComparison.Ordinal);
        Assert.False(status.Has("Published"));
        Assert.Equal("Closed", status["stage"]!.GetValue<string>());
    }
}
