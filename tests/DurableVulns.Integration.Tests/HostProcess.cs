using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// The standalone host as a real operating-system process, started with the configuration
/// contract's environment variables, so that a test can kill it with SIGKILL and restart it.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The operating-system process id.</summary>
    public int Id => process.Id;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>
    /// Starts the host's built DLL with <paramref name="environment"/> on loopback, on
    /// <paramref name="port"/> or else a free port (see <see cref="FreePort"/> to know it before the start).
    /// </summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> environment, string workingDirectory, int? port = null)
    {
        port ??= FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits until the host answers its health check, or fails with what it printed.</summary>
    public async Task WaitUntilReadyAsync(int seconds = 60)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The host did not become ready:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing; what the host had not persisted is gone.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>
    /// SIGTERM, as a service manager or <c>docker stop</c> sends it: the host is asked to shut down
    /// gracefully and exits by itself. Sent with the system's <c>kill</c> command.
    /// </summary>
    public void Terminate()
    {
        var start = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-TERM");
        start.ArgumentList.Add(process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("kill did not start.");
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -TERM {process.Id} failed: {error}");
    }

    public async Task<int> WaitForExitAsync(int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>A loopback port that is free now (the operating system's pick).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The host is built with the tests (project reference); run the DLL of the same configuration.
    private static string HostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "src", "DurableVulns.Host", "bin", configuration, "net10.0", "DurableVulns.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
    }
}
