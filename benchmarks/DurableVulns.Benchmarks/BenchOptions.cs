using System.Globalization;

namespace DurableVulns.Benchmarks;

/// <summary>Command-line options of the benchmark runner.</summary>
public sealed class BenchOptions
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public bool Quick { get; private set; }

    /// <summary>Delete the task hubs that interrupted runs left (all named bench…), then stop.</summary>
    public bool Cleanup { get; private set; }

    public HashSet<string> Only { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string ConnectionString { get; private set; } = DevelopmentStorage;

    /// <summary>The published host (a folder with DurableVulns.Host.dll).</summary>
    public string HostDirectory { get; private set; } = "";

    /// <summary>Where the markdown table goes; none = not written.</summary>
    public string? ResultsFile { get; private set; }

    /// <summary>Scratch folder: host logs, policies, pickup folders.</summary>
    public string ScratchDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "durablevulns-bench");

    /// <summary>Azurite's data folder, measured by the waiting-cases benchmark.</summary>
    public string AzuriteDirectory { get; private set; } = ".azurite";

    /// <summary>Engine settings applied to the host (DurableVulns:Engine:Name) and to the bare baseline engine alike.</summary>
    public Dictionary<string, string> Engine { get; } = new(StringComparer.Ordinal);

    /// <summary>Other host settings (DurableVulns:Name), e.g. ActionWait=00:00:00.</summary>
    public Dictionary<string, string> HostSettings { get; } = new(StringComparer.Ordinal);

    public string Label { get; private set; } = "";

    public int? E2eCases { get; private set; }

    /// <summary>How many e2e cases the PSIRT client keeps open at once (unless set, 64).</summary>
    public int? E2eInFlight { get; private set; }

    public int? WaitingCases { get; private set; }

    /// <summary>How long the waiting benchmark may go on filing (15 minutes, 2 with --quick, unless set).</summary>
    public TimeSpan? WaitingBudget { get; private set; }

    public bool Run(string name) => Only.Count == 0 || Only.Contains(name);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": options.Quick = true; break;
                case "--cleanup": options.Cleanup = true; break;
                case "--only": foreach (var n in Next().Split(',', StringSplitOptions.RemoveEmptyEntries)) options.Only.Add(n); break;
                case "--connection": options.ConnectionString = Next(); break;
                case "--host-dir": options.HostDirectory = Path.GetFullPath(Next()); break;
                case "--results": options.ResultsFile = Path.GetFullPath(Next()); break;
                case "--scratch": options.ScratchDirectory = Path.GetFullPath(Next()); break;
                case "--azurite-dir": options.AzuriteDirectory = Path.GetFullPath(Next()); break;
                case "--label": options.Label = Next(); break;
                case "--e2e-cases": options.E2eCases = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--e2e-in-flight": options.E2eInFlight = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--waiting-cases": options.WaitingCases = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--waiting-minutes": options.WaitingBudget = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--engine":
                    var pair = Next().Split('=', 2);
                    if (pair.Length != 2) throw new ArgumentException("--engine takes Name=Value.");
                    options.Engine[pair[0]] = pair[1];
                    break;
                case "--host-setting":
                    var setting = Next().Split('=', 2);
                    if (setting.Length != 2) throw new ArgumentException("--host-setting takes Name=Value.");
                    options.HostSettings[setting[0]] = setting[1];
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (options.HostDirectory.Length == 0) throw new ArgumentException("--host-dir is required (the published DurableVulns.Host).");
        Directory.CreateDirectory(options.ScratchDirectory);
        return options;
    }
}
