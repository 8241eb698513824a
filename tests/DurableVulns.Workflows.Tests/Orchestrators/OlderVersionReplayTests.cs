using System.Text.Json.Nodes;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// Cases that the last code before workflow version 1 (commit 27d58f8) started and left at each
/// stage, one of them after its whole MIIT clock ran out, loaded from their exported task hub
/// (scripts/make-replay-fixture), finish on this code: their histories replay, and the rest of each
/// case takes the old sequence of steps. A change to the steps that broke the replay of running
/// cases fails here. The export carries no queue, so the fixture holds no timer still to fire.
/// </summary>
public sealed class OlderVersionReplayTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    // Written by scripts/make-replay-fixture 27d58f8.
    private static readonly string SnapshotFile = Path.Combine(AppContext.BaseDirectory, "Fixtures", "version0-task-hub.json");

    [Fact]
    public async Task RunAsync_CasesStartedBeforeVersion1_FinishOnTheirOldSequence()
    {
        // Arrange
        var snapshot = await TaskHubSnapshot.LoadAsync(SnapshotFile);
        await snapshot.ImportAsync(host.TaskHub);
        var remaining = new Dictionary<string, string[]>
        {
            ["acknowledged"] = ["assessment", "miit-submission", "patch", "close"],
            ["assessed"] = ["miit-submission", "patch", "close"],
            ["submitted"] = ["patch", "close"],
            ["patched"] = ["miit-submission", "close"],
            ["patchedSubmitted"] = ["close"],
            ["clockRanOut"] = ["assessment", "miit-submission", "patch", "close"],
        };

        // Act
        var answers = new List<string>();
        foreach (var (stage, actions) in remaining)
            foreach (var action in actions)
                answers.Add($"{stage} {action}: {(int)(await host.ActAsync(snapshot.Case(stage), action, Body(action))).StatusCode}");

        // Assert: every action applied at once (a history that fails to replay answers 409), every
        // case closed, each by the old steps: the patch and its notice in one, the deadline's too.
        Assert.All(answers, answer => Assert.EndsWith(": 200", answer, StringComparison.Ordinal));
        foreach (var stage in remaining.Keys)
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
        // Each notice owed on this code went out once; the two sent before the export were not sent again.
        Assert.Equal(4, host.MailFiles().Count(m => MailReader.Header(m, "X-DurableVulns-Key").EndsWith("/affected-user-notice", StringComparison.Ordinal)));
    }

    private static JsonObject Body(string action) => action switch
    {
        "assessment" => SampleRequests.Assessment(),
        "miit-submission" => SampleRequests.Submission(),
        "patch" => SampleRequests.Patch(),
        _ => new JsonObject { ["reason"] = "修复已发布 / fixed" },
    };
}
