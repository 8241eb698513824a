using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DurableVulns.Benchmarks;

/// <summary>
/// The real DurableVulns.Host, started from its published DLL as a process of its own on a free
/// loopback port, on a fresh task hub, with the given policy and a pickup folder for its mail.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-psirt-key";

    private readonly BenchOptions options;
    private readonly Process process;
    private readonly StreamWriter log;

    private HostProcess(BenchOptions options, string taskHub, string workDirectory, Process process, StreamWriter log, Uri baseAddress)
    {
        this.options = options;
        TaskHub = taskHub;
        WorkDirectory = workDirectory;
        this.process = process;
        this.log = log;
        BaseAddress = baseAddress;
    }

    public string TaskHub { get; }

    public string WorkDirectory { get; }

    public string MailDirectory => Path.Combine(WorkDirectory, "mail");

    public Uri BaseAddress { get; }

    public int Pid => process.Id;

    public static async Task<HostProcess> StartAsync(BenchOptions options, string purpose, string policyJson, IReadOnlyDictionary<string, string>? environment = null)
    {
        var taskHub = Storage.NewTaskHub(purpose);
        var work = Path.Combine(options.ScratchDirectory, taskHub);
        Directory.CreateDirectory(Path.Combine(work, "mail"));
        var policyFile = Path.Combine(work, "policy.json");
        await File.WriteAllTextAsync(policyFile, policyJson);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.HostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(options.HostDirectory, "DurableVulns.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = start.Environment;
        env["AzureWebJobsStorage"] = options.ConnectionString;
        env["DurableVulns__TaskHub"] = taskHub;
        env["DurableVulns__WorkerId"] = taskHub + "-worker";
        env["DurableVulns__PolicyFile"] = policyFile;
        env["DurableVulns__ApiKey"] = ApiKey;
        env["DurableVulns__IntakePermitsPerMinute"] = "1000000";
        env["DurableVulns__Mail__Mode"] = "Pickup";
        env["DurableVulns__Mail__PickupDirectory"] = Path.Combine(work, "mail");
        // Production has no recipients of its own; the host refuses to start without them.
        env["DurableVulns__Psirt__Addresses__0"] = "psirt@bench.example";
        env["DurableVulns__Reviewers__MIIT__0"] = "miit-reviewer@bench.example";
        env["DurableVulns__Reviewers__MPS__0"] = "mps-reviewer@bench.example";
        // Nor without a shared signing key and an https address for approval links (none is followed here).
        env["DurableVulns__Approvals__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        env["DurableVulns__Approvals__PublicBaseUrl"] = "https://psirt.bench.example";
        env["Logging__LogLevel__Default"] = "Warning";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in options.Engine) env["DurableVulns__Engine__" + name] = value;
        foreach (var (name, value) in options.HostSettings) env["DurableVulns__" + name.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) env[name] = value;

        var log = new StreamWriter(Path.Combine(work, "host.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(options, taskHub, work, process, log, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with {process.ExitCode}; see {Path.Combine(work, "host.log")}.");
            try
            {
                if ((await http.GetAsync(new Uri(host.BaseAddress, "/healthz"))).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("The host did not answer /healthz within 60 s.");
            await Task.Delay(200);
        }
        return host;
    }

    /// <summary>An HTTP client for the host; with <paramref name="psirt"/>, it sends the API key.</summary>
    public HttpClient Client(bool psirt = true)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };
        if (psirt) client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public int MailCount() => Directory.EnumerateFiles(MailDirectory, "*.eml").Count();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM: the host finishes in-flight work items and exits; SIGKILL if it does not.
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
        lock (log) log.Dispose();
        await Storage.DeleteTaskHubAsync(options.ConnectionString, TaskHub);
        try
        {
            // Keep the host's log (warnings and errors only) beside the others; drop the rest.
            var logs = Directory.CreateDirectory(Path.Combine(options.ScratchDirectory, "logs")).FullName;
            File.Copy(Path.Combine(WorkDirectory, "host.log"), Path.Combine(logs, TaskHub + ".log"), overwrite: true);
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
