using System.Text.Json.Nodes;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// Cases that the last code before workflow version 1 (commit 27d58f8) started and left at each
/// stage, loaded from their exported task hub, finish on this code: their histories replay, and the
/// rest of each case takes the old sequence of steps. A change to the steps that broke the replay
/// of running cases fails here.
/// </summary>
public sealed class OlderVersionReplayTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    // Written by scripts/export-task-hub.cs from a host built from 27d58f8.
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
        };

        // Act
        var answers = new List<string>();
        foreach (var (stage, actions) in remaining)
            foreach (var action in actions)
                answers.Add($"{stage} {action}: {(int)(await host.ActAsync(snapshot.Case(stage), action, Body(action))).StatusCode}");
        var closed = new Dictionary<string, JsonObject>();
        foreach (var stage in remaining.Keys) closed[stage] = await host.WaitForAsync(snapshot.Case(stage), s => s.Has("Closed"));

        // Assert: every action applied at once, every case closed, each patch by the old combined step.
        Assert.All(answers, answer => Assert.EndsWith(": 200", answer, StringComparison.Ordinal));
        foreach (var (stage, status) in closed)
        {
            var expected = stage == "patched"
                ? new[] { "Received", "Acknowledged", "UpstreamNotified", "Assessed", "PatchReleased", "UsersNotified", "MiitSubmitted", "Closed" }
                : ["Received", "Acknowledged", "UpstreamNotified", "Assessed", "MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"];
            Assert.Equal(expected, status.TimelineTypes());
            var activities = await host.ScheduledActivitiesAsync(snapshot.Case(stage));
            Assert.Contains(nameof(ReleasePatchActivity), activities);
            Assert.DoesNotContain(nameof(RecordPatchReleaseActivity), activities);
        }
        Assert.Equal(3, host.MailFiles().Count(m => MailReader.Header(m, "X-DurableVulns-Key").EndsWith("/affected-user-notice", StringComparison.Ordinal)));
    }

    private static JsonObject Body(string action) => action switch
    {
        "assessment" => SampleRequests.Assessment(),
        "miit-submission" => SampleRequests.Submission(),
        "patch" => SampleRequests.Patch(),
        _ => new JsonObject { ["reason"] = "修复已发布 / fixed" },
    };
}
