using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>Art. 9(6) when the workflow applies a publication, not only when the API accepted it.</summary>
public sealed class BlackoutBegunTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Fact]
    public async Task Publication_WindowBeganBeforeTheWorkflowAppliedIt_HeldForMpsConsent()
    {
        // Arrange: a calendar whose window has begun by the time the workflow takes the event (a
        // backlog or a failover in between).
        var now = DateTimeOffset.UtcNow;

        // Act
        var id = await CalendarPublication.RaiseOnPatchedCaseAsync(host, now.AddMinutes(-1), now.AddHours(1));
        var status = await host.WaitForAsync(id, s => s.Has("BlackoutHeld"));

        // Assert
        Assert.Equal("HeldForMpsConsent", status["publication"]!["state"]!.GetValue<string>());
        Assert.False(status.Has("Published"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }
}
