using System.Globalization;
using System.Text;

namespace DurableVulns.Benchmarks;

/// <summary>One figure: its value, its baseline from the same run, and what the issue asks of it.</summary>
public sealed record Figure(string Name, double Value, string Unit, double Baseline, string Target, string Limit)
{
    public double Ratio => Stats.Ratio(Value, Baseline);

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"RESULT {Name} value={Stats.F(Value, 3)} unit={Unit} baseline={Stats.F(Baseline, 3)} ratio={Stats.F(Ratio, 3)}");
}

/// <summary>Collects figures and findings, prints RESULT lines, writes results.md.</summary>
public sealed class Results(BenchOptions options)
{
    private readonly List<Figure> figures = [];
    private readonly List<(string Benchmark, string Text)> findings = [];
    private readonly DateTime started = DateTime.UtcNow;

    public void Add(Figure figure)
    {
        lock (figures) figures.Add(figure);
    }

    /// <summary>Prints the benchmark's RESULT lines: the last lines of the benchmark.</summary>
    public void Print(params string[] names)
    {
        lock (figures)
            foreach (var figure in figures.Where(f => names.Contains(f.Name)))
                Console.WriteLine(figure.Line);
    }

    public void Note(string benchmark, string text)
    {
        Console.WriteLine($"  note: {text}");
        lock (findings) findings.Add((benchmark, text));
    }

    public async Task WriteAsync(string azuriteLayout)
    {
        if (options.ResultsFile is null) return;
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Written by `benchmarks/run{(options.Quick ? " --quick" : "")}` on {started:yyyy-MM-dd HH:mm} UTC ") +
            $"({Stats.F((DateTime.UtcNow - started).TotalMinutes, 1)} min), {Environment.ProcessorCount} cores, Azurite {azuriteLayout}" +
            (options.Engine.Count > 0 ? $", engine overrides {string.Join(' ', options.Engine.Select(e => e.Key + "=" + e.Value))}" : "") +
            (options.HostSettings.Count > 0 ? $", host settings {string.Join(' ', options.HostSettings.Select(e => e.Key + "=" + e.Value))}" : "") +
            (options.Label.Length > 0 ? $", {options.Label}" : "") + ".");
        md.AppendLine("Each baseline was measured in the same run on the same machine and Azurite; the ratio is value ÷ baseline.");
        md.AppendLine("Other work shares the machine (2 cores), so absolute figures move from run to run; compare ratios.");
        md.AppendLine();
        md.AppendLine("| Figure | Value | Unit | Baseline | Ratio | Target | What limits it |");
        md.AppendLine("|---|---:|---|---:|---:|---|---|");
        lock (figures)
            foreach (var f in figures)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{f.Name}` | {Stats.F(f.Value, 3)} | {f.Unit} | {Stats.F(f.Baseline, 3)} | {Stats.F(f.Ratio, 3)} | {f.Target} | {f.Limit} |");
        md.AppendLine();
        md.AppendLine("## Findings of this run");
        lock (findings)
            foreach (var group in findings.GroupBy(f => f.Benchmark))
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"**{group.Key}**");
                md.AppendLine();
                foreach (var (_, text) in group) md.AppendLine(CultureInfo.InvariantCulture, $"- {text}");
            }
        var notes = Path.Combine(Path.GetDirectoryName(options.ResultsFile)!, "results-notes.md");
        if (File.Exists(notes))
        {
            md.AppendLine();
            md.Append(await File.ReadAllTextAsync(notes));
        }
        await File.WriteAllTextAsync(options.ResultsFile, md.ToString());
    }
}
