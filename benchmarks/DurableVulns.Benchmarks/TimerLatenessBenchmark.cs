using System.Collections.Concurrent;

namespace DurableVulns.Benchmarks;

/// <summary>
/// timer-lateness: cases whose MIIT deadline is 2 s, 10 s and 60 s (2 s and 5 s with --quick), idle and under load; the
/// lateness is the MiitDeadlineMissed entry's time minus the case's deadline. Baseline: bare
/// durable timers due at the same moments on the same Azurite, measured the same way (when the
/// activity after the timer ran, minus the due time).
/// </summary>
public static class TimerLatenessBenchmark
{
    public const string Name = "timers";

    public static async Task RunAsync(BenchOptions options, Results results)
    {
        int[] deadlines = options.Quick ? [2, 5] : [2, 10, 60];
        var samples = options.Quick ? 4 : 10;
        var loadWorkers = options.Quick ? 6 : 12;
        Console.WriteLine($"== timers: MIIT deadlines of {string.Join(", ", deadlines)} s, {samples} cases each, idle and under load ({loadWorkers} PSIRT clients)");

        var hostAll = new List<double>();
        var bareAll = new List<double>();
        await using var bare = await BareEngine.StartAsync(options, "timerbase", runWorker: true);
        await bare.ScheduleAsync("warm", null, TimeSpan.FromSeconds(0.1));
        await EndToEndBenchmark.WaitAsync(() => bare.Fired.ContainsKey("warm"), TimeSpan.FromSeconds(90), "bare warm-up");

        foreach (var deadline in deadlines)
        {
            await using var host = await HostProcess.StartAsync(options, "timer" + deadline, Requests.Policy("bench-timer", deadline));
            using var anonymous = host.Client(psirt: false);
            using var psirt = host.Client();
            await Requests.FileAsync(anonymous, -1); // warm-up
            foreach (var loaded in new[] { false, true })
            {
                using var stopLoad = new CancellationTokenSource();
                var load = loaded ? Enumerable.Range(0, loadWorkers).Select(w => LoadLoopAsync(anonymous, psirt, w, stopLoad.Token)).ToList() : [];
                if (loaded) await Task.Delay(2000); // let the load build up first
                var cpu = CpuMeter.ForPhase(host.Pid);

                var cases = new List<string>();
                var dues = new Dictionary<string, DateTime>();
                for (var k = 0; k < samples; k++)
                {
                    cases.Add(await Requests.FileAsync(anonymous, k));
                    var id = $"t{deadline}-{loaded}-{k}";
                    var due = DateTime.UtcNow.AddSeconds(deadline);
                    dues[id] = due;
                    await bare.ScheduleAsync(id, due, TimeSpan.Zero);
                    await Task.Delay(150);
                }
                var hostLate = new ConcurrentBag<double>();
                await Task.WhenAll(cases.Select(async id =>
                {
                    var status = await Requests.WaitForAsync(psirt, id, s => Requests.Has(s, "MiitDeadlineMissed"),
                        TimeSpan.FromSeconds(deadline + 120), pollMilliseconds: 500);
                    var due = DateTimeOffset.Parse(status["miitDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                    hostLate.Add((Requests.At(status, "MiitDeadlineMissed")!.Value - due).TotalSeconds);
                }));
                await EndToEndBenchmark.WaitAsync(() => dues.Keys.All(bare.Fired.ContainsKey), TimeSpan.FromSeconds(deadline + 120), "bare timers");
                var bareLate = dues.Select(d => (bare.Fired[d.Key] - d.Value).TotalSeconds).ToList();
                var cpuSummary = cpu.Summary();
                stopLoad.Cancel();
                var loadCases = 0;
                foreach (var task in load) loadCases += await task;

                var phase = $"{deadline} s {(loaded ? "under load" : "idle")}";
                var h = hostLate.ToList();
                Console.WriteLine($"  {phase,-18} host median {Stats.F(Stats.Median(h))} s max {Stats.F(h.Max())} s min {Stats.F(h.Min())} s | " +
                    $"bare median {Stats.F(Stats.Median(bareLate))} s max {Stats.F(bareLate.Max())} s min {Stats.F(bareLate.Min())} s" +
                    (loaded ? $" | load: {loadCases} cases closed" : "") + $" | cpu {cpuSummary}");
                results.Note(Name, $"{phase}: host median {Stats.F(Stats.Median(h))} s, max {Stats.F(h.Max())} s, min {Stats.F(h.Min())} s; " +
                    $"bare timer median {Stats.F(Stats.Median(bareLate))} s, max {Stats.F(bareLate.Max())} s" + (loaded ? $"; {loadCases} load cases closed meanwhile" : "") + ".");
                hostAll.AddRange(h);
                bareAll.AddRange(bareLate);
            }
        }
        results.Note(Name, $"Bare durable timers on this backend fire up to {Stats.F(-bareAll.Min())} s EARLY (signed median {Stats.F(Stats.Median(bareAll))} s): the storage queue hides a timer message for whole seconds. " +
            "The case orchestrator re-waits an early timer, so its deadlines are never early; the baseline is therefore the bare timer's timing error |fired − due|.");
        if (hostAll.Min() < 0) results.Note(Name, $"EARLY: a deadline was recorded {Stats.F(-hostAll.Min())} s before it was due.");
        else results.Note(Name, $"Never early: the earliest deadline record came {Stats.F(hostAll.Min())} s after its due time.");
        var bareError = bareAll.Select(Math.Abs).ToList();
        results.Add(new Figure("timer-lateness-median", Stats.Median(hostAll), "s", Stats.Median(bareError), "≤ 1 s, never early",
            "control-queue polling, then the deadline activity's own writes; a timer that surfaces early (whole-second queue delays) is waited out, so never early"));
        results.Add(new Figure("timer-lateness-max", hostAll.Max(), "s", bareError.Max(), "≤ 2 s",
            "under load, the messages ahead of the timer in its partition's control queue and the activity queue"));
        results.Print("timer-lateness-median", "timer-lateness-max");
    }

    /// <summary>A PSIRT client working cases through their life, one after another, until stopped; returns how many it closed.</summary>
    private static async Task<int> LoadLoopAsync(HttpClient anonymous, HttpClient psirt, int worker, CancellationToken stop)
    {
        var closed = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var id = await Requests.FileAsync(anonymous, 1000 * worker + closed, stop);
                await Requests.ActAsync(psirt, id, "assessment", Requests.Assessment(), "Assessed", stop);
                await Requests.ActAsync(psirt, id, "miit-submission", Requests.Submission(id), "MiitSubmitted", stop);
                await Requests.ActAsync(psirt, id, "patch", Requests.Patch(), "PatchReleased", stop);
                await Requests.ActAsync(psirt, id, "close", Requests.Close(), "Closed", stop);
                closed++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                Console.Error.WriteLine($"  load worker {worker}: {ex.Message}");
                await Task.Delay(500, CancellationToken.None);
            }
            catch (Exception)
            {
                break;
            }
        }
        return closed;
    }
}
