using System.Net;
using System.Text.Json.Nodes;
using DurableVulns.Api;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Orchestrators;
using DurableVulns.Workflows.Ports;
using DurableVulns.Workflows.Tests.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// A mail outage holds only the steps that mail, and a publication behind them: the MIIT clock
/// (reminders at 2 s and 4 s, an escalation at 6 s, the deadline at 8 s) and the PSIRT's actions go
/// on meanwhile, and a case closes only once the mail it owes has gone out. Cases started before that version keep their
/// sequence of steps.
/// </summary>
public sealed class MailBesideTheLoopTests(MailOutageHost host) : IClassFixture<MailOutageHost>
{
    [Fact]
    public async Task RunAsync_MailDownPastTheDeadline_BreachAndAssessmentRecordedWhileTheAcknowledgementWaits()
    {
        // Arrange
        using var outage = await host.StartMailOutageAsync();
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: true));

        // Act
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        var during = await host.WaitForAsync(id, s => s.Has("MiitDeadlineMissed") && s.Has("Assessed"));
        outage.End();
        var after = await host.WaitForAsync(id, s => s.Has("Acknowledged") && s.Has("UpstreamNotified") && s.Count("Escalation") == 2);

        // Assert: the deadline was recorded while the acknowledgement was still held up.
        Assert.False(during.Has("Acknowledged"));
        Assert.True(during["miitBreached"]!.GetValue<bool>());
        Assert.True(HeldUp(during, $"{id}/acknowledgement"));
        // Once the mail was back, every message the case owed went out once: the acknowledgement,
        // the upstream notice, two reminders, the escalation and the deadline's escalation.
        Assert.Equal(2, after.Count("Reminder"));
        Assert.Equal(6, host.MailFiles().Count(m => m.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_AffectedUserNoticeHeldUp_SubmissionAppliedAndCaseClosedAfterTheNotice()
    {
        // Arrange: an assessed case, its intake mail sent.
        var id = await host.AssessedCaseAsync();
        await MailSentAsync(id);
        using var outage = await host.StartMailOutageAsync();

        // Act: the patch, whose notice cannot go out; then the MIIT submission and the close.
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        // A clock alert due meanwhile may wait in the queue ahead of the notice: it is given up once submitted.
        var during = await host.WaitForAsync(id, s => s.Has("MiitSubmitted") && HeldUp(s, $"{id}/affected-user-notice"));
        var close = await host.ActAsync(id, "close", new JsonObject { ["reason"] = "修复已发布 / fixed" });
        outage.End();
        var closed = await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert: the submission was applied while the notice waited; the close waited for the notice.
        Assert.False(during.Has("UsersNotified"));
        Assert.Equal(HttpStatusCode.Accepted, close.StatusCode);
        var types = closed.TimelineTypes().ToList();
        Assert.True(types.IndexOf("UsersNotified") >= 0 && types.IndexOf("UsersNotified") < types.IndexOf("Closed"), string.Join(", ", types));
        Assert.Single(host.MailFiles(), m => MailReader.Header(m, "X-DurableVulns-Key") == $"{id}/affected-user-notice");
    }

    [Fact]
    public async Task RunAsync_PublicationWaitsForHeldUpNotice_DeadlineAndSubmissionRecordedMeanwhile()
    {
        // Arrange: an assessed case, its intake mail sent.
        var id = await host.AssessedCaseAsync();
        await MailSentAsync(id);
        using var outage = await host.StartMailOutageAsync();

        // Act: the patch, whose notice cannot go out; the publication, which waits for the notice;
        // then the deadline passes, and the late MIIT submission comes.
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        var publication = await host.ActAsync(id, "publication", SampleRequests.Advisory());
        await host.WaitForAsync(id, s => s.Has("MiitDeadlineMissed"));
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var during = await host.WaitForAsync(id, s => s.Has("MiitSubmitted"));
        outage.End();
        var closed = await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert: the clock and the submission went on while the advisory waited for the notice;
        // then the users heard of the fix before the public, and the case closed itself.
        Assert.Equal(HttpStatusCode.Accepted, publication.StatusCode);
        Assert.False(during.Has("UsersNotified") || during.Has("Published"));
        var types = closed.TimelineTypes().ToList();
        Assert.True(types.IndexOf("UsersNotified") >= 0 && types.IndexOf("UsersNotified") < types.IndexOf("Published"), string.Join(", ", types));
        Assert.Equal("Closed", types[^1]);
        Assert.Single(host.MailFiles(), m => MailReader.Header(m, "X-DurableVulns-Key") == $"{id}/affected-user-notice");
    }

    [Fact]
    public async Task RunAsync_ReminderHeldUpThenSubmitted_ReminderWithdrawnNotSent()
    {
        // Arrange: an assessed case, its intake mail sent, and then no mail.
        var id = await host.AssessedCaseAsync();
        await MailSentAsync(id);
        using var outage = await host.StartMailOutageAsync();

        // Act: a clock alert fails to go out; the submission is recorded while it waits.
        await host.WaitForAsync(id, s => s.Has("MailDelayed"));
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var withdrawn = await host.WaitForAsync(id, s => s.Has("MailWithdrawn") && s["mailHeldUp"]!.AsArray().Count == 0);
        outage.End();
        // The close empties the case's mail queue first: whatever it still held has gone out by then.
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "close", new JsonObject { ["reason"] = "fixed" });
        await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert: the alert is withdrawn, on the trail and off the case's held-up list, and never sent.
        var detail = withdrawn.Detail("MailWithdrawn");
        Assert.StartsWith($"Message {id}/miit-", detail, StringComparison.Ordinal);
        Assert.EndsWith("is no longer sent: the case was submitted to MIIT meanwhile.", detail, StringComparison.Ordinal);
        var message = detail["Message ".Length..detail.IndexOf(',', StringComparison.Ordinal)];
        Assert.DoesNotContain(host.MailFiles(), m => MailReader.Header(m, "X-DurableVulns-Key") == message);
    }

    [Fact]
    public async Task RunAsync_CaseStartedBeforeTheVersion_PatchedByTheCombinedStep()
    {
        // Arrange: a case as the intake started it before MailBesideTheLoop (no version in its input).
        var id = await StartCaseAsync(version: 0);

        // Act
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "close", new JsonObject { ["reason"] = "fixed" });
        await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert: its history calls the one patch step it always did, and the notice went out.
        var activities = await host.ScheduledActivitiesAsync(id);
        Assert.Contains(nameof(ReleasePatchActivity), activities);
        Assert.DoesNotContain(nameof(RecordPatchReleaseActivity), activities);
        Assert.DoesNotContain(nameof(SendAffectedUserNoticeActivity), activities);
        Assert.Equal(["Acknowledged", "Assessed", "MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"],
            (await host.StatusAsync(id)).TimelineTypes().Where(type => type is not ("Reminder" or "Escalation" or "MiitDeadlineMissed")));
    }

    [Fact]
    public async Task RunAsync_Version1CasePublishingWhileNoticeHeldUp_SubmissionAppliedAfterTheAdvisory()
    {
        // Arrange: a case as the intake started it before PublicationBesideTheLoop, assessed and acknowledged.
        var id = await StartCaseAsync(ReportLifecycleInput.MailBesideTheLoop);
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        await host.WaitForAsync(id, s => s.Has("Acknowledged"));
        using var outage = await host.StartMailOutageAsync();

        // Act: the patch, whose notice cannot go out; the publication; the MIIT submission; then mail is back.
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "publication", SampleRequests.Advisory());
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        outage.End();
        await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert: its publication held the loop as it always did, so the submission was applied after the advisory.
        var activities = (await host.ScheduledActivitiesAsync(id)).ToList();
        Assert.True(activities.IndexOf(nameof(PublishAdvisoryActivity)) >= 0
            && activities.IndexOf(nameof(PublishAdvisoryActivity)) < activities.IndexOf(nameof(RecordMiitSubmissionActivity)), string.Join(", ", activities));
    }

    /// <summary>
    /// Waits until the mail of the intake is out: the acknowledgement and the upstream provider's notice.
    /// A message still queued when the outage starts would be the one held up, and the tests' own would
    /// wait behind it without being tried.
    /// </summary>
    private Task MailSentAsync(string id) => host.WaitForAsync(id, s => s.Has("Acknowledged") && s.Has("UpstreamNotified"));

    // A case as the intake of an older version started it: its record, and a workflow input of that version.
    private async Task<string> StartCaseAsync(int version)
    {
        var policy = host.Services.GetRequiredService<PolicyProvider>().Current;
        var now = DateTime.UtcNow;
        var record = ActivitySamples.Case(CaseStage.Received) with
        {
            Id = Guid.NewGuid().ToString("N"), ReceivedAtUtc = now, PolicyVersion = policy.Version, MiitDeadlineUtc = MiitClock.Deadline(now, policy.MiitSubmission),
        };
        await host.Services.GetRequiredService<ICaseStore>().CreateAsync(record);
        await host.Services.GetRequiredService<IWorkflowClient>().StartAsync(nameof(ReportLifecycleOrchestrator), record.Id,
            new ReportLifecycleInput(record.Id, now, policy, HasUpstreamComponent: false, version));
        return record.Id;
    }

    private static bool HeldUp(JsonObject status, string message) =>
        status["mailHeldUp"]!.AsArray().Any(m => m!["message"]!.GetValue<string>() == message);
}
