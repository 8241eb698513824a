using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Scale-out and failover: two host processes on one task hub share the cases through the
/// backend's partition leases; one is killed with SIGKILL while every case's clock still runs,
/// and the other finishes them all. The takeover time is measured and printed, never asserted.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int CaseCount = 20;

    /// <summary>
    /// The lease a worker holds on a partition (default 30 s); shorter here to keep the test quick.
    /// A dead worker's partitions are taken over once its leases expire.
    /// </summary>
    private const string LeaseInterval = "00:00:15";

    /// <summary>A reminder at 10 s, an escalation at 12 s, the deadline at 15 s: room to kill a host between acknowledgement and deadline.</summary>
    private const string Policy = """
        { "version": "test-scale-out", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT15S", "reminders": ["PT10S"], "escalations": ["PT12S"] },
          "intakeLogRetention": "P183D" }
        """;

    private static readonly string[] ExpectedTimeline = ["Received", "Acknowledged", "Reminder", "Escalation", "Escalation"];

    private readonly HostSandbox sandbox = new(Policy);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task TwoHosts_OneKilledBeforeTheDeadlines_SurvivorFinishesEveryCaseOnce()
    {
        // Arrange: two hosts on one task hub, each with a worker id of its own, sharing the partitions.
        using var writes = new MailWrites(sandbox.MailDirectory);
        var workerA = sandbox.TaskHub + "-a";
        var workerB = sandbox.TaskHub + "-b";
        var hostA = HostProcess.Start(Worker(workerA), sandbox.Directory);
        var hostB = HostProcess.Start(Worker(workerB), sandbox.Directory);
        await using var disposeA = hostA;
        await using var disposeB = hostB;
        await Task.WhenAll(hostA.WaitUntilReadyAsync(), hostB.WaitUntilReadyAsync());
        var owners = await PartitionOwnersAsync(o => Owners(o) == 2, seconds: 60);

        using var clientA = sandbox.Client(hostA);
        using var clientB = sandbox.Client(hostB);
        var filed = await Task.WhenAll(Enumerable.Range(0, CaseCount)
            .Select(i => CaseDriver.FileAsync(i % 2 == 0 ? clientA : clientB, CaseDriver.Report(i), $"scale-{i}")));
        Assert.All(filed, f => Assert.True(f.Accepted, $"intake answered {f.Status}: {f.Body}"));
        var ids = filed.Select(f => f.CaseId!).ToList();
        await CaseDriver.PollAllAsync(clientB, ids, s => s.Has("Acknowledged"));

        // The victim is the host holding the most partitions, so that its cases must move.
        owners = await PartitionOwnersAsync(_ => true, seconds: 0);
        var victimId = owners.Values.Where(o => o.Length > 0).GroupBy(o => o).OrderByDescending(g => g.Count()).First().Key;
        var (victim, survivor, survivorId, survivorClient) = victimId == workerA
            ? (hostA, hostB, workerB, clientB)
            : (hostB, hostA, workerA, clientA);
        var victimPartitions = owners.Where(o => o.Value == victimId).Select(o => o.Key).ToList();

        // Act: SIGKILL the victim while every case waits on its clock.
        victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        var killedAt = DateTimeOffset.UtcNow;
        var atKill = await Task.WhenAll(ids.Select(id => CaseDriver.StatusAsync(survivorClient, id)));
        var takeover = await TakeoverAsync(survivorId, sinceKill, seconds: 120);
        var done = await CaseDriver.PollAllAsync(survivorClient, ids, s => s.Count("Escalation") == 2, seconds: 120);
        var allDone = sinceKill.Elapsed;

        // Assert: both hosts held partitions; every case was still before its deadline at the kill.
        Assert.Equal(2, Owners(owners));
        Assert.NotEmpty(victimPartitions);
        Assert.All(atKill, s => Assert.False(s.Has("MiitDeadlineMissed"), $"case {s["id"]} passed its deadline before the kill"));

        // Every report the API accepted is a case, and its whole clock fired once, on the survivor.
        var cases = await sandbox.RowsAsync("Cases");
        Assert.Equal(ids.Order(StringComparer.Ordinal), cases.Select(c => c.PartitionKey).Order(StringComparer.Ordinal));
        Assert.Equal(CaseCount, ids.Distinct().Count());
        foreach (var id in ids)
        {
            done[id].AssertClockRanOut(ExpectedTimeline);
            Assert.True(done[id]["miitBreached"]!.GetValue<bool>(), $"case {id} has no breach recorded");
        }
        Assert.True(survivor.HasExited is false, "the survivor exited");

        // One acknowledgement and one deadline-missed mail per case, each written once: no second copy.
        var keys = sandbox.MailKeys();
        foreach (var id in ids)
        {
            Assert.Equal(1, keys.Count(k => k == id + "/acknowledgement"));
            Assert.Equal(1, keys.Count(k => k == id + "/miit-deadline-missed"));
        }
        var counts = await writes.CountsAsync(sandbox.MailDirectory);
        Assert.False(writes.LostEvents, "the pickup folder watcher lost events");
        Assert.All(counts, c => Assert.True(c.Value == 1, $"{c.Key} was written {c.Value} times"));

        // Measured, not asserted: how long the survivor took to take the dead host's work over. A case
        // lives on the partition its id hashes to (FNV-1a of the id, as the Azure Storage backend does).
        var moved = ids.Where(id => victimPartitions.Contains(PartitionOf(id, owners))).ToList();
        var stayed = ids.Except(moved).ToList();
        Assert.NotEmpty(moved);
        var received = ids.ToDictionary(id => id, id => DateTimeOffset.Parse(done[id]["receivedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var firstAfterKill = moved
            .SelectMany(id => done[id]["timeline"]!.AsArray().Select(e => e!["at"]!.GetValue<DateTimeOffset>()))
            .Where(at => at > killedAt)
            .DefaultIfEmpty(killedAt)
            .Min();
        output.WriteLine($"Partitions at the kill: {Describe(owners)}; victim {Short(victimId)} (lease interval {LeaseInterval}); " +
            $"kill {Seconds(killedAt - received.Values.Max())} after the last intake, {Seconds(received.Values.Min().AddSeconds(15) - killedAt)} before the first deadline.");
        output.WriteLine($"Takeover: survivor owned every partition {Seconds(takeover)} after the kill; " +
            $"first step for a case the dead host owned {Seconds(firstAfterKill - killedAt)} after the kill ({moved.Count} of {CaseCount} cases moved).");
        output.WriteLine($"All {CaseCount} cases done (final escalation) {Seconds(allDone)} after the kill.");
        output.WriteLine($"Deadline lateness (recorded - due), moved cases: {Lateness(moved, done)}; cases that stayed: {Lateness(stayed, done)}.");
    }

    private static string Lateness(List<string> ids, IReadOnlyDictionary<string, JsonObject> done)
    {
        if (ids.Count == 0) return "none";
        var late = ids.Select(id => (CaseDriver.At(done[id], "MiitDeadlineMissed")! - DeadlineOf(done[id])).Value.TotalSeconds).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"median {late[late.Count / 2]:F1} s, max {late[^1]:F1} s");
    }

    /// <summary>The partition (row key of the partitions table) a case's orchestration lives on.</summary>
    private static string PartitionOf(string instanceId, Dictionary<string, string> owners)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(instanceId)) hash = unchecked((hash ^ b) * 16777619u);
        var index = (hash % (uint)owners.Count).ToString("D2", CultureInfo.InvariantCulture);
        return owners.Keys.Single(k => k.EndsWith("-" + index, StringComparison.Ordinal));
    }

    private Dictionary<string, string> Worker(string workerId)
    {
        var environment = sandbox.Environment();
        environment["DurableVulns__WorkerId"] = workerId;
        environment["DurableVulns__Engine__LeaseInterval"] = LeaseInterval;
        return environment;
    }

    /// <summary>Partition → current owner, once <paramref name="condition"/> holds (or after the bound).</summary>
    private async Task<Dictionary<string, string>> PartitionOwnersAsync(Func<Dictionary<string, string>, bool> condition, int seconds)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var owners = (await sandbox.RowsAsync("Partitions"))
                .ToDictionary(r => r.RowKey, r => r.GetString("CurrentOwner") ?? string.Empty, StringComparer.Ordinal);
            if ((owners.Count > 0 && condition(owners)) || DateTime.UtcNow > until) return owners;
            await Task.Delay(250);
        }
    }

    /// <summary>The time on <paramref name="sinceKill"/> when <paramref name="survivorId"/> is seen owning every partition.</summary>
    private async Task<TimeSpan> TakeoverAsync(string survivorId, Stopwatch sinceKill, int seconds)
    {
        var owners = await PartitionOwnersAsync(o => o.Values.All(v => v == survivorId), seconds);
        var seen = sinceKill.Elapsed;
        Assert.True(owners.Values.All(v => v == survivorId), $"the survivor did not take every partition over: {Describe(owners)}");
        return seen;
    }

    private static int Owners(Dictionary<string, string> owners) => owners.Values.Where(o => o.Length > 0).Distinct().Count();

    private static DateTimeOffset DeadlineOf(JsonObject status) =>
        DateTimeOffset.Parse(status["miitDeadline"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string Describe(Dictionary<string, string> owners) =>
        string.Join(", ", owners.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{Short(o.Key)}={Short(o.Value)}"));

    private static string Short(string name) => name[(name.LastIndexOf('-') + 1)..];

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F1} s");
}
