using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Crash during intake: the host is SIGKILLed while reports stream in, some answered (after the
/// 202), some not (before it). The client retries what got no 202 with the same Idempotency-Key
/// on a restarted host: every key is one case, nothing acknowledged is lost, nothing is doubled.
/// </summary>
public sealed class IntakeCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Lanes = 8;
    private const int AcceptedBeforeKill = 12;

    // The MIIT clock does not fire during the test: each case owes exactly one mail, its acknowledgement.
    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task Intake_HostKilledWithRequestsInFlight_EveryRetriedKeyIsOneCaseAcknowledgedOnce()
    {
        // Arrange: eight clients file reports back to back, each with a key of its own.
        var sent = new ConcurrentDictionary<string, (JsonObject Report, IntakeOutcome Outcome)>(StringComparer.Ordinal);
        var accepted = 0;
        var next = -1;
        var enoughAccepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        await using (first)
        {
            await first.WaitUntilReadyAsync();
            using var client = sandbox.Client(first);

            async Task LaneAsync()
            {
                while (true)
                {
                    var n = Interlocked.Increment(ref next);
                    var key = $"intake-crash-{n}";
                    var report = CaseDriver.Report(n);
                    var outcome = await CaseDriver.FileAsync(client, report, key);
                    sent[key] = (report, outcome);
                    if (!outcome.Accepted) return;
                    if (Interlocked.Increment(ref accepted) == AcceptedBeforeKill) enoughAccepted.TrySetResult();
                }
            }

            var lanes = Enumerable.Range(0, Lanes).Select(_ => Task.Run(LaneAsync)).ToList();

            // Act: SIGKILL while requests are in flight; every lane ends on the request the kill cut off.
            await enoughAccepted.Task.WaitAsync(TimeSpan.FromSeconds(90));
            first.Kill();
            await Task.WhenAll(lanes).WaitAsync(TimeSpan.FromSeconds(60));
        }
        var beforeRestart = sent.ToDictionary(s => s.Key, s => s.Value.Outcome, StringComparer.Ordinal);

        await using var second = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        await second.WaitUntilReadyAsync();
        using var restarted = sandbox.Client(second);
        // Nothing answered 202 is lost: before any key is sent again (its replay would re-create a
        // lost record or start a lost orchestration), each such case is there and gets acknowledged
        // (the poll fails the test on a case that is missing or never acknowledged).
        var acceptedIds = beforeRestart.Values.Where(o => o.Accepted).Select(o => o.CaseId!).ToList();
        await CaseDriver.PollAllAsync(restarted, acceptedIds, s => s.Has("Acknowledged"));

        // Retry what got no 202, and replay what did: the key must lead to the same case either way.
        var after = new Dictionary<string, IntakeOutcome>(StringComparer.Ordinal);
        foreach (var (key, (report, _)) in sent.OrderBy(s => s.Key, StringComparer.Ordinal))
            after[key] = await CaseDriver.FileAsync(restarted, report, key);
        var ids = after.Values.Select(o => o.CaseId!).Where(id => id is not null).ToList();
        var statuses = await CaseDriver.PollAllAsync(restarted, ids, s => s.Has("Acknowledged"));

        // Assert: the kill cut requests off; before it, the host answered nothing but 202.
        var interrupted = beforeRestart.Values.Count(o => o.Status is null);
        Assert.True(interrupted > 0, "the kill cut no request off");
        Assert.All(beforeRestart.Values, o => Assert.True(o.Status is null or 202, $"{o.Key}: {o.Status} {o.Body}"));

        // Every key is accepted on retry, an accepted key keeps its case, and no two keys share one.
        Assert.All(after.Values, o => Assert.True(o.Accepted, $"{o.Key}: retry answered {o.Status} {o.Body}"));
        foreach (var (key, outcome) in beforeRestart.Where(b => b.Value.Accepted))
            Assert.Equal(outcome.CaseId, after[key].CaseId);
        Assert.Equal(sent.Count, ids.Distinct(StringComparer.Ordinal).Count());

        // Exactly those cases exist, each with one orchestration, acknowledged once by one mail.
        var cases = (await sandbox.RowsAsync("Cases")).Select(r => r.PartitionKey).Order(StringComparer.Ordinal);
        var instances = (await sandbox.RowsAsync("Instances")).Select(r => r.PartitionKey).Order(StringComparer.Ordinal);
        Assert.Equal(ids.Order(StringComparer.Ordinal), cases);
        Assert.Equal(ids.Order(StringComparer.Ordinal), instances);
        var mailKeys = sandbox.MailKeys();
        foreach (var id in ids)
        {
            Assert.Equal(1, statuses[id].Count("Received"));
            Assert.Equal(1, statuses[id].Count("Acknowledged"));
            Assert.Equal(1, mailKeys.Count(k => k == id + "/acknowledgement"));
        }
        Assert.Equal(ids.Count, mailKeys.Count);

        // The intake log says which cut-off requests had claimed their key before the kill (the retry replays them).
        var cutOffIds = beforeRestart.Where(b => !b.Value.Accepted).Select(b => after[b.Key].CaseId).ToHashSet(StringComparer.Ordinal);
        var claimedBeforeKill = (await sandbox.RowsAsync("IntakeLog"))
            .Count(r => r.GetString("Outcome") == "Replayed" && cutOffIds.Contains(r.GetString("CaseId")));
        output.WriteLine($"{sent.Count} reports sent by {Lanes} clients; {beforeRestart.Values.Count(o => o.Accepted)} answered 202 before the kill, " +
            $"{interrupted} cut off by it ({claimedBeforeKill} of those after claiming their key); after the restart {after.Values.Count(o => o.Accepted)} keys answered 202, each its one case.");
    }
}
