using DurableVulns.Benchmarks;

// benchmarks/run builds the host and this runner, starts Azurite, then runs:
//   dotnet DurableVulns.Benchmarks.dll --host-dir <published host> [--quick] [--only intake,e2e,timers,waiting,console] ...
var options = BenchOptions.Parse(args);
// Every run starts without what interrupted runs left (one run at a time on an Azurite).
var leftoverQueues = await Storage.DeleteLeftoversAsync(options.ConnectionString);
if (leftoverQueues > 0 || options.Cleanup) Console.WriteLine($"Deleted the task hubs of interrupted benchmark runs ({leftoverQueues} queues).");
if (options.Cleanup) return 0;
var results = new Results(options);
CpuMeter.Endpoints = StorageEndpoints.Parse(options.ConnectionString);
var azurite = ProcStats.AzuriteProcesses(CpuMeter.Endpoints);
var layout = azurite.Count == 0 ? "not found"
    : azurite.All(p => p.Name == "azurite") ? "as one process" : $"as {azurite.Count} processes ({string.Join(", ", azurite.Select(p => p.Name).Order())})";
Console.WriteLine($"DurableVulns benchmarks{(options.Quick ? " (quick)" : "")}: Azurite {layout}; storage {options.ConnectionString}");

var failed = new List<string>();
(string Name, Func<Task> Run)[] benchmarks =
[
    (IntakeBenchmark.Name, () => IntakeBenchmark.RunAsync(options, results)),
    (EndToEndBenchmark.Name, () => EndToEndBenchmark.RunAsync(options, results)),
    (TimerLatenessBenchmark.Name, () => TimerLatenessBenchmark.RunAsync(options, results)),
    (WaitingCasesBenchmark.Name, () => WaitingCasesBenchmark.RunAsync(options, results)),
    (ConsoleBenchmark.Name, () => ConsoleBenchmark.RunAsync(options, results)),
];
foreach (var (name, run) in benchmarks)
{
    if (!options.Run(name)) continue;
    var started = DateTime.UtcNow;
    try
    {
        await run();
    }
    catch (Exception ex)
    {
        failed.Add(name);
        Console.Error.WriteLine($"benchmark {name} failed: {ex}");
    }
    Console.WriteLine($"   ({name}: {Stats.F((DateTime.UtcNow - started).TotalSeconds, 0)} s)");
    await results.WriteAsync(layout);
}
if (options.ResultsFile is not null) Console.WriteLine($"Results table: {options.ResultsFile}");
if (failed.Count > 0) Console.Error.WriteLine($"Failed: {string.Join(", ", failed)}");
return failed.Count == 0 ? 0 : 1;
