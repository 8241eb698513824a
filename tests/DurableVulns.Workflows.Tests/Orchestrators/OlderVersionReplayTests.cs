using System.Text.Json.Nodes;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// Cases that the last code before a workflow version started (and, for the current version, the
/// code that made it current) and left at each stage, one of them after its whole MIIT clock ran
/// out, loaded from their exported task hub (scripts/make-replay-fixture), finish on this code:
/// their histories replay, and the rest of each case takes its old sequence of steps. A change to the
/// steps that broke the replay of running cases fails here. One case's reminder fell due after the
/// old host stopped, and its timer fires here; the export cannot read a message still hidden, so no
/// other timer does. The fixtures' cases in a review are finished by <see cref="OlderVersionReviewReplayTests"/>.
/// </summary>
public sealed class OlderVersionReplayTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    private static readonly Dictionary<string, string[]> Remaining = new()
    {
        ["acknowledged"] = ["assessment", "miit-submission", "patch", "close"],
        ["assessed"] = ["miit-submission", "patch", "close"],
        ["submitted"] = ["patch", "close"],
        ["patched"] = ["miit-submission", "close"],
        ["patchedSubmitted"] = ["close"],
        ["clockRanOut"] = ["assessment", "miit-submission", "patch", "close"],
    };

    [Fact]
    public async Task RunAsync_CasesStartedBeforeVersion1_FinishOnTheirOldSequence()
    {
        // Arrange: written by scripts/make-replay-fixture 27d58f8.
        var snapshot = await ImportAsync("version0-task-hub.json");
        var published = snapshot.Case("published");
        var publishedBefore = (await host.StatusAsync(published)).TimelineTypes();

        // Act
        var answers = await FinishAsync(snapshot, new(Remaining) { ["published"] = ["miit-submission"] });

        // Assert: every action applied at once (a history that fails to replay answers 409), every
        // case closed, each by the old steps: the patch and its notice in one, the deadline's too.
        Assert.All(answers, answer => Assert.EndsWith(": 200", answer, StringComparison.Ordinal));
        foreach (var stage in Remaining.Keys)
        {
            var status = await host.WaitForAsync(snapshot.Case(stage), s => s.Has("Closed"));
            string[] opening = stage == "clockRanOut"
                ? ["Received", "Acknowledged", "UpstreamNotified", "Reminder", "Escalation", "MiitDeadlineMissed", "Escalation", "Assessed"]
                : ["Received", "Acknowledged", "UpstreamNotified", "Assessed"];
            string[] rest = stage == "patched"
                ? ["PatchReleased", "UsersNotified", "MiitSubmitted", "Closed"]
                : ["MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"];
            Assert.Equal([.. opening, .. rest], status.TimelineTypes());
            var activities = await host.ScheduledActivitiesAsync(snapshot.Case(stage));
            Assert.Contains(nameof(ReleasePatchActivity), activities);
            Assert.DoesNotContain(nameof(RecordPatchReleaseActivity), activities);
            Assert.DoesNotContain(nameof(RecordMiitDeadlineMissedActivity), activities);
        }
        Assert.Contains(nameof(RecordMiitBreachActivity), await host.ScheduledActivitiesAsync(snapshot.Case("clockRanOut")));
        var clockPending = await ClockPendingActivitiesAsync(snapshot);
        Assert.Contains(nameof(RecordMiitBreachActivity), clockPending);
        Assert.DoesNotContain(nameof(RecordMiitDeadlineMissedActivity), clockPending);
        // The case published before the export closes by itself once submitted.
        var publishedAfter = await host.WaitForAsync(published, s => s.Has("Closed"));
        Assert.Equal([.. publishedBefore, "MiitSubmitted", "Closed"], publishedAfter.TimelineTypes());
        // Each notice owed on this code went out once; the three sent before the export were not sent again.
        Assert.Equal(4, UserNotices(snapshot));
    }

    [Theory]
    [InlineData("version1-task-hub.json")] // scripts/make-replay-fixture 0270a5b, the last commit of version 1
    [InlineData("version3-task-hub.json")] // scripts/make-replay-fixture 3db48e4, on version 3, the current one
    public async Task RunAsync_CasesStartedOnVersion1OrLater_FinishOnTheirOldSequence(string fixture)
    {
        // Arrange: here a seventh case too, patched and published.
        var snapshot = await ImportAsync(fixture);
        var remaining = new Dictionary<string, string[]>(Remaining) { ["published"] = ["miit-submission"] };
        var before = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var stage in remaining.Keys) before[stage] = [.. (await host.StatusAsync(snapshot.Case(stage))).TimelineTypes()];

        // Act
        var answers = await FinishAsync(snapshot, remaining);

        // Assert: applied at once and closed, each after the timeline it had, by the steps of version 1 and later.
        Assert.All(answers, answer => Assert.EndsWith(": 200", answer, StringComparison.Ordinal));
        foreach (var stage in remaining.Keys)
        {
            var status = await host.WaitForAsync(snapshot.Case(stage), s => s.Has("Closed"));
            string[] rest = stage switch
            {
                "patched" => ["MiitSubmitted", "Closed"],
                "patchedSubmitted" => ["Closed"],
                "published" => ["MiitSubmitted", "Closed"],
                "submitted" => ["PatchReleased", "UsersNotified", "Closed"],
                "assessed" => ["MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"],
                _ => ["Assessed", "MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"],
            };
            Assert.Equal([.. before[stage], .. rest], status.TimelineTypes());
            Assert.DoesNotContain(nameof(ReleasePatchActivity), await host.ScheduledActivitiesAsync(snapshot.Case(stage)));
        }
        Assert.Contains(nameof(RecordMiitDeadlineMissedActivity), await host.ScheduledActivitiesAsync(snapshot.Case("clockRanOut")));
        Assert.Contains(nameof(RecordMiitDeadlineMissedActivity), await ClockPendingActivitiesAsync(snapshot));
        // The three cases patched before the export had their notice then; the four patched now, once each.
        Assert.Equal(4, UserNotices(snapshot));
    }

    private async Task<TaskHubSnapshot> ImportAsync(string file)
    {
        var snapshot = await TaskHubSnapshot.LoadAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));
        await snapshot.ImportAsync(host.TaskHub);
        return snapshot;
    }

    /// <summary>
    /// The case whose reminder fell due after the old host stopped: the export carried that timer's
    /// message, which fires here, and the rest of its clock, overdue by now, follows at once.
    /// </summary>
    private async Task<IReadOnlyList<string>> ClockPendingActivitiesAsync(TaskHubSnapshot snapshot)
    {
        var status = await host.WaitForAsync(snapshot.Case("clockPending"), s => s.Count("Escalation") == 2);
        var timeline = status.TimelineTypes().ToList();
        // The mail steps keep their order. From version 1 they go through the mail queue, so the
        // deadline's record, made in the loop, may come before mail queued ahead of it, but not
        // before the breach's escalation, which it queues.
        Assert.Equal(["Received", "Acknowledged", "UpstreamNotified", "Reminder", "Escalation", "Escalation"], timeline.Where(type => type != "MiitDeadlineMissed"));
        Assert.Single(timeline, type => type == "MiitDeadlineMissed");
        Assert.True(timeline.IndexOf("MiitDeadlineMissed") < timeline.LastIndexOf("Escalation"), string.Join(", ", timeline));
        return await host.ScheduledActivitiesAsync(snapshot.Case("clockPending"));
    }

    private async Task<List<string>> FinishAsync(TaskHubSnapshot snapshot, Dictionary<string, string[]> remaining)
    {
        var answers = new List<string>();
        foreach (var (stage, actions) in remaining)
            foreach (var action in actions)
                answers.Add($"{stage} {action}: {(int)(await host.ActAsync(snapshot.Case(stage), action, Body(action))).StatusCode}");
        return answers;
    }

    private int UserNotices(TaskHubSnapshot snapshot) => host.MailFiles()
        .Select(m => MailReader.Header(m, "X-DurableVulns-Key"))
        .Count(key => key.EndsWith("/affected-user-notice", StringComparison.Ordinal) && snapshot.Cases.Any(id => key.StartsWith(id, StringComparison.Ordinal)));

    private static JsonObject Body(string action) => action switch
    {
        "assessment" => SampleRequests.Assessment(),
        "miit-submission" => SampleRequests.Submission(),
        "patch" => SampleRequests.Patch(),
        _ => new JsonObject { ["reason"] = "修复已发布 / fixed" },
    };
}
