using System.Net;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>
/// Art. 9(1): a review nobody decides reminds, escalates and times out, and the embargo stays.
/// The review clock is of seconds (reminder 4 s, escalation 6 s, timeout 10 s).
/// </summary>
public sealed class ReviewTimeoutTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Fact]
    public async Task Disclosure_NoDecision_RemindsEscalatesThenTimesOutAndEmbargoHolds()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        var requested = await host.ActAsync(id, "disclosure-requests", SampleRequests.DisclosureRequest());
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);

        // Act
        var status = await host.WaitForAsync(id, s => s.Has("DisclosureTimedOut"));

        // Assert
        Assert.Equal("TimedOut", status["disclosure"]!["state"]!.GetValue<string>());
        Assert.True(status["embargoed"]!.GetValue<bool>());
        var types = status.TimelineTypes();
        Assert.True(types.ToList().IndexOf("ReviewerReminder") < types.ToList().IndexOf("DisclosureTimedOut"));
        Assert.Equal(1, status.Count("ReviewerReminder"));
        Assert.Equal(1, status.Count("Escalation"));
        Assert.Contains(host.MailFiles(), m => MailReader.Header(m, "To") == DurableVulnsHost.MpsReviewer
            && MailReader.Header(m, "Subject").Contains("Reminder", StringComparison.Ordinal)
            && m.Contains(id, StringComparison.Ordinal));
        // A link expires with its review: used after the timeout it changes nothing and says so.
        var late = await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitReviewer, approve: true));
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("TimedOut", (await host.StatusAsync(id))["disclosure"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disclosure_NoDecision_ReviewClockSetsNoTimerTwice()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "disclosure-requests", SampleRequests.DisclosureRequest());

        // Act
        var status = await host.WaitForAsync(id, s => s.Has("DisclosureTimedOut"));

        // Assert: the review's reminder, escalation and timeout each took one timer at most, as the case's clock does.
        var review = ReviewInput.InstanceIdFor(id, status["disclosure"]!["requestId"]!.GetValue<string>());
        await host.AssertNoTimerSetTwiceAsync(review);
    }
}
