using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>Art. 9(6) when the workflow applies a publication, not only when the API accepted it.</summary>
public sealed class BlackoutBegunTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Fact]
    public async Task Publication_WindowBeganBeforeTheWorkflowAppliedIt_HeldForMpsConsent()
    {
        // Arrange: accepted outside any window (none named), by a calendar whose window has begun
        // by the time the workflow takes the event (a backlog or a failover in between).
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        var now = DateTimeOffset.UtcNow;
        var command = new PublicationCommand(
            new Advisory("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")], ContainsExploitCode: false, ContainsOperatorSystemDetails: false),
            Blackout: null, [new BlackoutWindow("National Day", now.AddMinutes(-1), now.AddHours(1))]);
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();

        // Act
        await workflows.RaiseEventAsync(id, EventNames.Publication, new PsirtAction<PublicationCommand>("publication-1", "psirt-api", command, now.UtcDateTime));
        var status = await host.WaitForAsync(id, s => s.Has("BlackoutHeld"));

        // Assert
        Assert.Equal("HeldForMpsConsent", status["publication"]!["state"]!.GetValue<string>());
        Assert.False(status.Has("Published"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }
}
