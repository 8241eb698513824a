using System.Diagnostics;
using Azure.Data.Tables;

namespace DurableVulns.Benchmarks;

/// <summary>
/// waiting-memory-growth: 0 → N open cases waiting on their 48-hour clocks. Host memory after a
/// forced full GC (VmRSS, and the managed heap the GC reports), Azurite's data size, and the time
/// to list the open cases from our Cases table. Baseline: the idle host at 0 cases.
/// </summary>
public static class WaitingCasesBenchmark
{
    public const string Name = "waiting";

    public static async Task RunAsync(BenchOptions options, Results results)
    {
        var n = options.WaitingCases ?? (options.Quick ? 500 : 10000);
        Console.WriteLine($"== waiting: 0 → {n} open cases waiting on their clocks");
        await using var host = await HostProcess.StartAsync(options, "waiting", Requests.Policy("bench-waiting", 48 * 3600, 24 * 3600, 36 * 3600));
        using var anonymous = host.Client(psirt: false);
        await Task.Delay(AzuriteSaveWait(options)); // idle: the worker has taken its partitions, Azurite has saved what came before
        var azurite = ProcStats.AzuriteProcesses(CpuMeter.Endpoints);
        var azuriteBytes0 = ProcStats.DirectoryBytes(options.AzuriteDirectory);
        var azuriteRss0 = azurite.Sum(p => ProcStats.RssMiB(p.Pid));
        var idle = await RuntimeProbe.ForceGcAsync(host.Pid);
        Console.WriteLine($"  0 cases: host RSS {Stats.F(idle.RssMiB, 1)} MiB, managed heap {Stats.F(idle.HeapMiB, 1)} MiB after a forced GC");

        // File a tenth first, and measure there too: what the first cases cost once (JIT, pools,
        // caches) shows apart from what each further waiting case costs.
        var warmCount = Math.Max(1, n / 10);
        var clock = Stopwatch.StartNew();
        await FileAsync(anonymous, 0, warmCount);
        await EndToEndBenchmark.WaitAsync(() => host.MailCount() >= warmCount, TimeSpan.FromSeconds(300), "acknowledgements");
        await QuietAsync(host.Pid);
        var warm = await RuntimeProbe.ForceGcAsync(host.Pid);
        Console.WriteLine($"  {warmCount} cases: host RSS {Stats.F(warm.RssMiB, 1)} MiB, managed heap {Stats.F(warm.HeapMiB, 1)} MiB after a forced GC");

        // Then the rest, a tenth at a time, each tenth acknowledged before the next is filed, so the
        // backlog stays bounded and the curve shows how the backend slows as waiting cases pile up.
        // Bounded in time: past the budget no further tenth is started.
        var budget = options.WaitingBudget ?? TimeSpan.FromMinutes(options.Quick ? 2 : 15);
        var reached = warmCount;
        var steps = new List<string>();
        clock.Restart();
        while (reached < n && clock.Elapsed < budget)
        {
            var next = Math.Min(n, reached + warmCount);
            var cpu = CpuMeter.ForPhase(host.Pid);
            var stepClock = Stopwatch.StartNew();
            await FileAsync(anonymous, reached, next);
            var filing = stepClock.Elapsed.TotalSeconds;
            await EndToEndBenchmark.WaitAsync(() => host.MailCount() >= next, budget + TimeSpan.FromMinutes(5) - clock.Elapsed, "acknowledgements");
            var step = $"{reached}→{next}: filed at {Stats.F((next - reached) / filing, 1)}/s, all acknowledged at {Stats.F((next - reached) / stepClock.Elapsed.TotalSeconds, 1)} cases/s; cpu {cpu.Summary()}";
            Console.WriteLine("  " + step);
            steps.Add(step);
            reached = next;
        }
        if (reached < n)
        {
            Console.WriteLine($"  stopped at {reached} cases: the {budget.TotalMinutes}-minute budget is spent");
            results.Note(Name, $"NOT REACHED: {reached} of {n} cases within the {budget.TotalMinutes}-minute budget; the figures below are at {reached}.");
        }
        foreach (var step in steps) results.Note(Name, step);
        n = reached;
        var settled = clock.Elapsed.TotalSeconds;
        await QuietAsync(host.Pid);
        var full = await RuntimeProbe.ForceGcAsync(host.Pid);
        await Task.Delay(AzuriteSaveWait(options)); // Azurite writes its data to disk on its autosave only
        var azuriteBytes1 = ProcStats.DirectoryBytes(options.AzuriteDirectory);
        var azuriteRss1 = azurite.Sum(p => ProcStats.RssMiB(p.Pid));
        Console.WriteLine($"  {n} cases: host RSS {Stats.F(full.RssMiB, 1)} MiB, managed heap {Stats.F(full.HeapMiB, 1)} MiB after a forced GC");

        // There is no list endpoint yet: list the open cases the way one would, from our Cases table.
        var table = new TableClient(options.ConnectionString, host.TaskHub + "Cases");
        var listTimes = new List<double>();
        var open = 0;
        for (var round = 0; round < 3; round++)
        {
            var listClock = Stopwatch.StartNew();
            open = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>("Stage ne 'Closed'", select: ["PartitionKey", "Stage", "MiitDeadlineUtc"]))
                open++;
            listTimes.Add(listClock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"  listing {open} open cases (Stage ne 'Closed'): median {Stats.F(Stats.Median(listTimes), 0)} ms of 3");

        var growth = full.RssMiB - idle.RssMiB;
        results.Note(Name, $"{n - warmCount} cases after the first {warmCount} filed and acknowledged in {Stats.F(settled, 1)} s ({Stats.F((n - warmCount) / settled, 1)} cases/s).");
        var perThousand = (full.RssMiB - warm.RssMiB) / (n - warmCount) * 1000;
        results.Note(Name, $"VmRSS at 0 / {warmCount} / {n} cases: {Stats.F(idle.RssMiB, 1)} / {Stats.F(warm.RssMiB, 1)} / {Stats.F(full.RssMiB, 1)} MiB: the first {warmCount} cost {Stats.F(warm.RssMiB - idle.RssMiB, 1)} MiB once (JIT, pools, buffers); " +
            $"each further 1,000 waiting cases {Stats.F(perThousand, 2)} MiB. Managed heap {Stats.F(idle.HeapMiB, 1)} / {Stats.F(warm.HeapMiB, 1)} / {Stats.F(full.HeapMiB, 1)} MiB.");
        results.Note(Name, $"Host after a forced full GC (triggered over the diagnostics port, nothing added to the host): VmRSS {Stats.F(idle.RssMiB, 1)} → {Stats.F(full.RssMiB, 1)} MiB " +
            $"(+{Stats.F(growth, 1)}), managed heap {Stats.F(idle.HeapMiB, 1)} → {Stats.F(full.HeapMiB, 1)} MiB (+{Stats.F(full.HeapMiB - idle.HeapMiB, 1)}). The figure is the VmRSS growth.");
        results.Note(Name, $"Azurite: data folder {Stats.F(azuriteBytes0 / 1048576.0, 1)} → {Stats.F(azuriteBytes1 / 1048576.0, 1)} MiB " +
            $"({Stats.F((azuriteBytes1 - azuriteBytes0) / 1024.0 / n, 1)} KiB per case; other task hubs on the same Azurite count too{(options.Quick ? "; --quick does not wait for Azurite's autosave, so the folder may lag" : "")}), " +
            $"resident memory {Stats.F(azuriteRss0, 0)} → {Stats.F(azuriteRss1, 0)} MiB.");
        results.Note(Name, $"Listing the {open} open cases (query Stage ne 'Closed' on {host.TaskHub}Cases, three columns): median {Stats.F(Stats.Median(listTimes), 0)} ms over 3 runs.");
        results.Add(new Figure("waiting-memory-growth", growth, "MiB", idle.RssMiB, $"≤ 50 MB over 0 → {(options.WaitingCases ?? (options.Quick ? 500 : 10000))}",
            "the one-time warm-up of the first cases (JIT, connection pools, buffers); each further waiting case costs ~0, its state lives in storage"));
        results.Print("waiting-memory-growth");
    }

    // Azurite writes its data folder only on its autosave (AZURITE_AUTOSAVE_SECONDS, which
    // benchmarks/run sets; Azurite's own default is 5 s): wait one interval and a second. --quick
    // waits 3 s only, to stay within its few minutes.
    private static TimeSpan AzuriteSaveWait(BenchOptions options) => options.Quick
        ? TimeSpan.FromSeconds(3)
        : TimeSpan.FromSeconds((int.TryParse(Environment.GetEnvironmentVariable("AZURITE_AUTOSAVE_SECONDS"), out var seconds) && seconds > 0 ? seconds : 5) + 1);

    private static Task FileAsync(HttpClient anonymous, int from, int to) =>
        Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => await Requests.FileAsync(anonymous, i, ct));

    /// <summary>Waits until the host has used under 5 % of a core for two seconds (at most a minute).</summary>
    private static async Task QuietAsync(int pid)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var before = ProcStats.CpuSeconds(pid);
            await Task.Delay(2000);
            if ((ProcStats.CpuSeconds(pid) - before) / 2 < 0.05) return;
        }
    }
}
