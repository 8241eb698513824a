using System.Globalization;

namespace DurableVulns.Benchmarks;

/// <summary>Reads CPU time and memory of processes from /proc (Linux).</summary>
public static class ProcStats
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    /// <summary>User + system CPU seconds the process has used so far; NaN if it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Resident set size in MiB (VmRSS of /proc/pid/status).</summary>
    public static double RssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        return double.NaN;
    }

    /// <summary>
    /// Azurite's Node processes: those in BENCH_AZURITE_PIDS when set, else those listening on the
    /// storage ports of <paramref name="endpoints"/> in this network namespace, else every process
    /// whose command line names azurite (the combined binary or azurite-blob/-queue/-table).
    /// </summary>
    public static IReadOnlyList<(int Pid, string Name)> AzuriteProcesses(StorageEndpoints? endpoints = null)
    {
        var given = Environment.GetEnvironmentVariable("BENCH_AZURITE_PIDS");
        var found = new List<(int, string)>();
        var all = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture));
        IEnumerable<int> pids = given is { Length: > 0 }
            ? given.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))
            : endpoints is not null && Listeners(all, [endpoints.Blob, endpoints.Queue, endpoints.Table]) is { Count: > 0 } listening ? listening
            : all;
        foreach (var pid in pids)
        {
            string command;
            try
            {
                command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            if (!command.Contains("azurite", StringComparison.Ordinal) || !command.StartsWith("node", StringComparison.Ordinal)) continue;
            var name = command.Contains("azurite-blob", StringComparison.Ordinal) ? "azurite-blob"
                : command.Contains("azurite-queue", StringComparison.Ordinal) ? "azurite-queue"
                : command.Contains("azurite-table", StringComparison.Ordinal) ? "azurite-table" : "azurite";
            found.Add((pid, name));
        }
        return found;
    }

    // The processes holding a listening TCP socket on one of the ports (per /proc/net/tcp*, which
    // is this network namespace's view).
    private static List<int> Listeners(IEnumerable<int> pids, int[] ports)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != "0A") continue; // LISTEN
                var port = int.Parse(f[1][(f[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (ports.Contains(port)) inodes.Add($"socket:[{f[9]}]");
            }
        }
        var owners = new List<int>();
        if (inodes.Count == 0) return owners;
        foreach (var pid in pids)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                    owners.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return owners;
    }

    /// <summary>(busy, total) CPU seconds of the whole machine so far, from /proc/stat.</summary>
    public static (double Busy, double Total) MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture) / TicksPerSecond).ToArray();
        var idle = fields[3] + fields[4]; // idle + iowait
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }

    /// <summary>Bytes in a folder tree.</summary>
    public static long DirectoryBytes(string path) => Directory.Exists(path)
        ? new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => { try { return f.Length; } catch (IOException) { return 0L; } })
        : 0;
}

/// <summary>CPU used by a set of processes over one phase of a benchmark.</summary>
public sealed class CpuMeter
{
    private readonly List<(string Name, int Pid, double Start)> processes = [];
    private readonly DateTime started = DateTime.UtcNow;
    private readonly (double Busy, double Total) machine = ProcStats.MachineCpuSeconds();

    public CpuMeter(IEnumerable<(string Name, int Pid)> watched)
    {
        foreach (var (name, pid) in watched) processes.Add((name, pid, ProcStats.CpuSeconds(pid)));
    }

    /// <summary>The storage endpoints of this run, to find the Azurite that serves them.</summary>
    public static StorageEndpoints? Endpoints { get; set; }

    public static CpuMeter ForPhase(int? hostPid)
    {
        var watched = ProcStats.AzuriteProcesses(Endpoints).Select(p => (p.Name, p.Pid)).ToList();
        if (hostPid is { } pid) watched.Add(("host", pid));
        watched.Add(("bench", Environment.ProcessId));
        return new CpuMeter(watched);
    }

    /// <summary>"azurite-table 0.93 cores, host 0.41 cores, …" over the phase so far, and the whole machine's share.</summary>
    public string Summary()
    {
        var wall = (DateTime.UtcNow - started).TotalSeconds;
        var parts = processes
            .GroupBy(p => p.Name)
            .Select(g => $"{g.Key} {Stats.F(g.Sum(p => ProcStats.CpuSeconds(p.Pid) - p.Start) / wall)}");
        var (busy, _) = ProcStats.MachineCpuSeconds();
        return string.Join(", ", parts) + $" cores; whole machine {Stats.F((busy - machine.Busy) / wall)} of {Environment.ProcessorCount} busy";
    }

    public double Cores(string name)
    {
        var wall = (DateTime.UtcNow - started).TotalSeconds;
        return processes.Where(p => p.Name == name).Sum(p => ProcStats.CpuSeconds(p.Pid) - p.Start) / wall;
    }
}
