using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// <c>scripts/azurite-down</c> against a private azurite-table (the repository's pinned one, on a
/// free port and a scratch folder): a write made just before the stop is there after a restart.
/// Autosave is set to an hour, so only the stop itself can have saved it. (The unpatched
/// azurite-table exited on the script's old SIGTERM without saving.)
/// </summary>
public sealed class AzuriteScriptTests : IDisposable
{
    // Azurite's well-known development account key (public, emulator only).
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string checkout = Directory.CreateTempSubdirectory("azurite-down-").FullName;
    private readonly int port = HostProcess.FreePort();
    private Process? azurite;

    public AzuriteScriptTests()
    {
        // The script stops the Azurite of the checkout it lives in: its .azurite/<service>.pid files.
        Directory.CreateDirectory(Path.Combine(checkout, "scripts"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "scripts", "azurite-down"), Path.Combine(checkout, "scripts", "azurite-down"));
    }

    [Fact]
    public async Task AzuriteDown_RightAfterATableWrite_KeepsTheWrite()
    {
        // Arrange: a row written with the next autosave an hour away.
        await StartAzuriteAsync();
        var table = new TableClient(ConnectionString, "scriptcheck");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("case", "received") { ["Stage"] = "Received" });

        // Act: the script returns once the process is gone.
        var exitCode = await RunAsync("bash", Path.Combine(checkout, "scripts", "azurite-down"));
        var stopped = azurite!.HasExited;
        await StartAzuriteAsync();

        // Assert
        Assert.Equal(0, exitCode);
        Assert.True(stopped, "azurite-table was still running after azurite-down returned.");
        var row = await table.GetEntityIfExistsAsync<TableEntity>("case", "received");
        Assert.True(row.HasValue, "The row written before azurite-down was lost.");
        Assert.Equal("Received", row.Value!.GetString("Stage"));
    }

    public void Dispose()
    {
        Stop(azurite);
        Directory.Delete(checkout, recursive: true);
    }

    private static void Stop(Process? process)
    {
        if (process is null) return;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }

    private string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1";

    private async Task StartAzuriteAsync()
    {
        var location = Path.Combine(checkout, ".azurite", "table");
        Directory.CreateDirectory(location);
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable)) throw new InvalidOperationException($"{executable} is missing: run scripts/azurite-up (it installs the pinned Azurite).");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--location", location, "--tablePort", $"{port}" })
            start.ArgumentList.Add(argument);
        start.Environment["AZURITE_AUTOSAVE_SECONDS"] = "3600";
        Stop(azurite); // a process the script failed to stop would hold the port
        azurite = Process.Start(start) ?? throw new InvalidOperationException("azurite-table did not start.");
        await File.WriteAllTextAsync(Path.Combine(checkout, ".azurite", "table.pid"), $"{azurite.Id}");

        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await ListeningAsync())
        {
            if (azurite.HasExited) throw new InvalidOperationException($"azurite-table exited: {await azurite.StandardError.ReadToEndAsync()}");
            if (DateTime.UtcNow > until) throw new TimeoutException("azurite-table did not listen within 30 s.");
            await Task.Delay(100);
        }
    }

    private async Task<bool> ListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<int> RunAsync(string file, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(file, [argument]) { UseShellExecute = false }) ?? throw new InvalidOperationException($"{file} did not start.");
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return process.ExitCode;
    }
}
