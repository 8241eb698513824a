using System.Net;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// Early-disclosure reviews that older code started (the fixtures of <see cref="OlderVersionReplayTests"/>:
/// versions 0, 1 and 3), one with MIIT's approval in, one with no decision, finish on this code when
/// MPS follows the link it was mailed before the upgrade: the review and its case replay their
/// histories, and the outcome reaches the case's embargo. A third review's reminder fell due after
/// the old host stopped: its timer fires here, and the reminder goes out. A host of its own, so that
/// the fixtures that class imports do not overwrite these rows.
/// </summary>
public sealed class OlderVersionReviewReplayTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Theory]
    [InlineData("version0-task-hub.json")]
    [InlineData("version1-task-hub.json")]
    [InlineData("version3-task-hub.json")]
    public async Task RunAsync_ReviewsStartedOnAnEarlierCommit_FinishOnTheirOldSequence(string fixture)
    {
        // Arrange
        var snapshot = await TaskHubSnapshot.LoadAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));
        await snapshot.ImportAsync(host.TaskHub);
        var approving = snapshot.Case("reviewApprovedByMiit");
        var undecided = snapshot.Case("reviewUndecided");
        var approvingBefore = (await host.StatusAsync(approving)).TimelineTypes();
        var undecidedBefore = (await host.StatusAsync(undecided)).TimelineTypes();

        // Act
        var approval = await ApprovalMail.ConfirmAsync(host.Browser(), snapshot.Link("approveMps"));
        var rejection = await ApprovalMail.ConfirmAsync(host.Browser(), snapshot.Link("rejectMps"));
        var approved = await host.WaitForAsync(approving, s => s.Has("DisclosureApproved"));
        var reminded = await host.WaitForAsync(snapshot.Case("reviewReminderPending"), s => s.Has("ReviewerReminder"));
        var rejected = await host.WaitForAsync(undecided, s => s.Has("DisclosureRejected"));
        var published = await host.ActAsync(approving, "publication", SampleRequests.Advisory());
        var refused = await host.ActAsync(undecided, "publication", SampleRequests.Advisory());

        // Assert: each decision counted, and the two cases went on from the timelines they had.
        Assert.Equal(HttpStatusCode.OK, approval.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejection.StatusCode);
        Assert.Equal([.. approvingBefore, "ReviewerDecision", "DisclosureApproved"], approved.TimelineTypes());
        Assert.Equal([.. undecidedBefore, "ReviewerDecision", "DisclosureRejected"], rejected.TimelineTypes());
        Assert.Equal("Rejected", rejected["disclosure"]!["state"]!.GetValue<string>());
        Assert.True(rejected["embargoed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("Published", (await host.StatusAsync(approving))["publication"]!["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Art. 9(1)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The pending review's reminder went out once, to each role still open, MPS among them.
        Assert.Equal(1, reminded.Count("ReviewerReminder"));
        Assert.Equal("Pending", reminded["disclosure"]!["state"]!.GetValue<string>());
        Assert.Contains(host.MailFiles(), m => MailReader.Header(m, "To") == DurableVulnsHost.MpsReviewer
            && MailReader.Header(m, "X-DurableVulns-Key").StartsWith(snapshot.Case("reviewReminderPending") + "/review/", StringComparison.Ordinal)
            && MailReader.Header(m, "Subject").Contains("Reminder", StringComparison.Ordinal));
        // Each review ran to its end: its unused links were closed.
        foreach (var (id, status) in new[] { (approving, approved), (undecided, rejected) })
        {
            var review = ReviewInput.InstanceIdFor(id, status["disclosure"]!["requestId"]!.GetValue<string>());
            Assert.Contains(nameof(CloseReviewActivity), await host.ScheduledActivitiesAsync(review));
        }
    }
}
