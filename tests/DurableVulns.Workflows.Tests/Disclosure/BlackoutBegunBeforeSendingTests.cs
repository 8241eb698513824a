using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>Art. 9(6) when the publishing step, not the workflow, is the first to find a window begun.</summary>
public sealed class BlackoutBegunBeforeSendingTests(AheadClockHost host) : IClassFixture<AheadClockHost>
{
    [Fact]
    public async Task Publication_WindowBegunByTheStepsClock_HeldForMpsConsentAndNothingSent()
    {
        // Arrange: a window that, by the workflow's clock, begins in half an hour; the step's clock
        // runs an hour ahead, so the step finds it begun. (The consent that follows is the one any held
        // publication gets: BlackoutConsentTests.)
        var now = DateTimeOffset.UtcNow;

        // Act
        var id = await CalendarPublication.RaiseOnPatchedCaseAsync(host, now.AddMinutes(30), now.AddHours(2));
        var held = await host.WaitForAsync(id, s => s.Has("BlackoutHeld"));
        await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: true);

        // Assert: held for consent, with MPS asked, and nothing sent.
        Assert.Equal("HeldForMpsConsent", held["publication"]!["state"]!.GetValue<string>());
        Assert.Contains("National Day", held["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "BlackoutHeld")!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False((await host.StatusAsync(id)).Has("Published"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }
}
