using System.Collections.Concurrent;
using System.Diagnostics;

namespace DurableVulns.Benchmarks;

/// <summary>Closed-loop and open-loop drivers, and latencies.</summary>
public static class Load
{
    public sealed record Run(double Rate, IReadOnlyList<double> LatenciesMs, int Errors, string? FirstError)
    {
        public double P50 => Stats.Percentile(LatenciesMs, 50);

        public double P99 => Stats.Percentile(LatenciesMs, 99);

        public override string ToString() =>
            $"{Stats.F(Rate, 1)}/s p50 {Stats.F(P50, 1)} ms p99 {Stats.F(P99, 1)} ms ({LatenciesMs.Count} ok, {Errors} errors{(FirstError is null ? "" : ": " + FirstError)})";
    }

    /// <summary><paramref name="concurrency"/> callers, each calling again as soon as its call returns, for <paramref name="duration"/>.</summary>
    public static async Task<Run> ClosedLoopAsync(int concurrency, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        string? firstError = null;
        var counter = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    await operation(Interlocked.Increment(ref counter));
                    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.Message, null);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        return new Run(latencies.Count / elapsed, [.. latencies], errors, firstError);
    }

    /// <summary>
    /// Calls at a fixed arrival rate whatever the answers do (open loop); latency counts from
    /// the moment a call was due, so a stall is not hidden by sending less.
    /// </summary>
    public static async Task<Run> OpenLoopAsync(double rate, TimeSpan duration, Func<int, Task> operation)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        string? firstError = null;
        var total = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var calls = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var n = i;
            calls.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(n);
                    latencies.Add((clock.Elapsed - due).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.Message, null);
                }
            }));
        }
        await Task.WhenAll(calls);
        return new Run(latencies.Count / clock.Elapsed.TotalSeconds, [.. latencies], errors, firstError);
    }
}
