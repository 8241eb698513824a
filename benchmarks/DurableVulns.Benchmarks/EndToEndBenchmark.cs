using System.Collections.Concurrent;
using System.Diagnostics;

namespace DurableVulns.Benchmarks;

/// <summary>
/// e2e-cases: N cases through the real host, each intake → acknowledgement → a reminder timer →
/// assessment → MIIT submission → patch → closed, driven over the PSIRT API; against N bare
/// orchestrations (a 1 s timer and one activity) on a TaskHubWorker in this process.
/// </summary>
public static class EndToEndBenchmark
{
    public const string Name = "e2e";
    private const double ReminderSeconds = 1;
    private const int DefaultInFlight = 64;

    public static async Task<(double Host, double Bare)> RunAsync(BenchOptions options, Results results)
    {
        var n = options.E2eCases ?? (options.Quick ? 50 : 300);
        var inFlight = options.E2eInFlight ?? DefaultInFlight;
        Console.WriteLine($"== e2e: {n} cases through the host ({inFlight} at a time) vs {n} bare orchestrations (1 activity + 1 timer of {ReminderSeconds} s, all at once)");

        var bare1 = await BareAsync(options, n);
        var host = await HostAsync(options, n, inFlight, results);
        var bare = bare1;
        if (!options.Quick)
        {
            // Bracket the host run with two baseline runs, so a drift of the shared machine shows.
            var bare2 = await BareAsync(options, n);
            bare = (bare1 + bare2) / 2;
            results.Note(Name, $"Baseline runs before and after the host run: {Stats.F(bare1, 1)} and {Stats.F(bare2, 1)} orchestrations/s.");
        }
        results.Add(new Figure("e2e-cases", host, "cases/s", bare, "≥ 40 cases/s and ≥ 0.5× baseline",
            "≈160 storage requests per case (≈150 before the mail queue split the patch step in two) against ≈24 per bare orchestration (about a dozen durable episodes and 7 activities, the case and audit writes, the API's reads; the findings give this run's counts); each request costs (patched) Azurite ≈0.6–0.7 ms and the host ≈0.3–0.4 ms of CPU, so the saturated 2 cores carry ≈1,400–2,100 requests/s, ≈8–14 cases/s"));
        results.Print("e2e-cases");
        return (host, bare);
    }

    private static async Task<double> BareAsync(BenchOptions options, int n)
    {
        await using var bare = await BareEngine.StartAsync(options, "e2ebase", runWorker: true);
        // Warm-up: the worker owns its partitions and has JIT-compiled its path.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => bare.ScheduleAsync("warm" + i, null, TimeSpan.FromSeconds(0.1))));
        await WaitAsync(() => bare.Fired.Count >= 8, TimeSpan.FromSeconds(90), "bare warm-up");

        var cpu = CpuMeter.ForPhase(null);
        var ids = Enumerable.Range(0, n).Select(i => "case" + i).ToList();
        var (started, last) = await BareBatchAsync(bare, ids);
        var rate = n / (last - started).TotalSeconds;
        Console.WriteLine($"  bare: {n} in {Stats.F((last - started).TotalSeconds, 1)} s = {Stats.F(rate, 1)} orchestrations/s; cpu {cpu.Summary()}");

        // Requests are counted over a further, smaller batch: counting costs CPU, so the rate
        // above is measured without it (as the host's is).
        var counted = Enumerable.Range(0, CountedCases(n)).Select(i => "counted" + i).ToList();
        await using (var requests = RequestCounter.InProcess(options.ConnectionString))
        {
            await BareBatchAsync(bare, counted);
            Console.WriteLine($"        storage requests per orchestration {Stats.F(requests.Total / (double)counted.Count, 1)} (over {counted.Count} more): {requests.PerUnit(counted.Count)}");
        }
        return rate;
    }

    private static async Task<(DateTime Started, DateTime Last)> BareBatchAsync(BareEngine bare, List<string> ids)
    {
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (id, _) => await bare.ScheduleAsync(id, null, TimeSpan.FromSeconds(ReminderSeconds)));
        await WaitAsync(() => ids.All(bare.Fired.ContainsKey), TimeSpan.FromSeconds(600), "bare orchestrations");
        return (started, ids.Max(id => bare.Fired[id]));
    }

    private static int CountedCases(int n) => Math.Min(n, 60);

    private static async Task<double> HostAsync(BenchOptions options, int n, int inFlight, Results results)
    {
        // The deadline is far enough that a case is submitted before it, under load too.
        await using var host = await HostProcess.StartAsync(options, "e2e", Requests.Policy("bench-e2e", 300, ReminderSeconds));
        using var anonymous = host.Client(psirt: false);
        using var psirt = host.Client();
        // Warm-up: a few cases all the way, so the worker owns its partitions and the paths are compiled.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CaseAsync(anonymous, psirt, -i - 1, null)));

        var steps = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
        var cpu = CpuMeter.ForPhase(host.Pid);
        var elapsed = await HostBatchAsync(anonymous, psirt, 0, n, inFlight, steps);
        var cpuSummary = cpu.Summary();
        var rate = n / elapsed;
        Console.WriteLine($"  host: {n} cases in {Stats.F(elapsed, 1)} s = {Stats.F(rate, 1)} cases/s; cpu {cpuSummary}");
        var stepText = string.Join(", ", steps.OrderBy(s => Order(s.Key)).Select(s => $"{s.Key} {Stats.F(Stats.Median(s.Value.ToList()), 0)}/{Stats.F(Stats.Percentile(s.Value.ToList(), 99), 0)} ms"));
        Console.WriteLine($"        step latency median/p99: {stepText}");
        results.Note(Name, $"Host: {n} cases in {Stats.F(elapsed, 1)} s = {Stats.F(rate, 1)} cases/s. CPU over the run: {cpuSummary}.");
        results.Note(Name, $"Step latency median/p99 as the PSIRT client saw it: {stepText}.");

        // Requests are counted over a further batch: the EventPipe session that counts them costs
        // the host CPU (≈ 14 % of it in a profile), so the rate above is measured without it.
        var counted = CountedCases(n);
        await using (var requests = RuntimeProbe.CountRequests(host.Pid, options.ConnectionString))
        {
            await HostBatchAsync(anonymous, psirt, n, counted, inFlight, null);
            await Task.Delay(1500); // let the last events reach the session
            Console.WriteLine($"        storage requests per case {Stats.F(requests.Total / (double)counted, 1)} (over {counted} more): {requests.PerUnit(counted)}");
            results.Note(Name, $"Storage requests per case (host, polling included; over {counted} further cases): {Stats.F(requests.Total / (double)counted, 1)} — {requests.PerUnit(counted)}.");
        }
        return rate;
    }

    /// <summary>Cases first … first+count−1, at most inFlight at once, a new one starting as one
    /// closes (a steady load: all at once on 2 cores makes every action wait minutes, which
    /// measures collapse); returns the seconds until the last closed.</summary>
    private static async Task<double> HostBatchAsync(HttpClient anonymous, HttpClient psirt, int first, int count, int inFlight,
        ConcurrentDictionary<string, ConcurrentBag<double>>? steps)
    {
        var gate = new SemaphoreSlim(inFlight);
        var started = DateTime.UtcNow;
        var finished = new ConcurrentBag<DateTime>();
        await Task.WhenAll(Enumerable.Range(first, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await CaseAsync(anonymous, psirt, i, steps);
            }
            finally
            {
                gate.Release();
            }
            finished.Add(DateTime.UtcNow);
        }));
        return (finished.Max() - started).TotalSeconds;
    }

    private static int Order(string step) => Array.IndexOf(["intake", "acknowledged", "assessment", "reminder", "miit-submission", "patch", "close"], step);

    /// <summary>One case through its whole life.</summary>
    private static async Task CaseAsync(HttpClient anonymous, HttpClient psirt, int i, ConcurrentDictionary<string, ConcurrentBag<double>>? steps)
    {
        var clock = Stopwatch.StartNew();
        void Step(string name)
        {
            steps?.GetOrAdd(name, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
        }

        var id = await Requests.FileAsync(anonymous, i);
        Step("intake");
        // A PSIRT acts on a case it has seen acknowledged; the reminder then fires from its durable
        // timer with nobody acting. The client polls gently (its reads load Azurite as well).
        if (Environment.GetEnvironmentVariable("BENCH_E2E_EAGER") != "1")
        {
            await Task.Delay(TimeSpan.FromSeconds(ReminderSeconds));
            await Requests.WaitForAsync(psirt, id, s => Requests.Has(s, "Acknowledged"), TimeSpan.FromSeconds(180), pollMilliseconds: 1000);
        }
        Step("acknowledged");
        await Requests.ActAsync(psirt, id, "assessment", Requests.Assessment(), "Assessed");
        Step("assessment");
        await Requests.WaitForAsync(psirt, id, s => Requests.Has(s, "Reminder"), TimeSpan.FromSeconds(180), pollMilliseconds: 1000);
        Step("reminder");
        await Requests.ActAsync(psirt, id, "miit-submission", Requests.Submission(id), "MiitSubmitted");
        Step("miit-submission");
        await Requests.ActAsync(psirt, id, "patch", Requests.Patch(), "PatchReleased");
        Step("patch");
        await Requests.ActAsync(psirt, id, "close", Requests.Close(), "Closed");
        Step("close");
    }

    public static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"{what} did not finish within {timeout.TotalSeconds} s.");
            await Task.Delay(50);
        }
    }
}
