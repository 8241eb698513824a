using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Testing;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Durability: the host process is killed with SIGKILL while a case waits on its MIIT clock,
/// the deadline passes while nothing runs, and a restarted host still fires every step once.
/// </summary>
public sealed class HostCrashTests : IAsyncLifetime
{
    private readonly HostSandbox sandbox = new();

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task Host_KilledWhileCaseWaitsOnTimer_RestartedHostFiresEveryStepOnce()
    {
        // Arrange: a case whose clock is waiting (reminder at 8 s, deadline at 12 s).
        using var writes = new MailWrites(sandbox.MailDirectory);
        string id;
        DateTimeOffset received;
        await using (var first = HostProcess.Start(sandbox.Environment(), sandbox.Directory))
        {
            await first.WaitUntilReadyAsync();
            using var client = sandbox.Client(first);
            var response = await client.PostAsJsonAsync("/api/reports", SampleRequests.Report(withUpstream: false));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            var waiting = await CaseDriver.PollAsync(client, id, s => s.Has("Acknowledged"));
            received = DateTimeOffset.Parse(waiting["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(waiting.Has("Reminder"));

            // Act: kill it, and let the whole clock run out while no host runs.
            first.Kill();
        }
        while (DateTimeOffset.UtcNow < received.AddSeconds(14)) await Task.Delay(250);

        await using var second = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        await second.WaitUntilReadyAsync();
        using var restarted = sandbox.Client(second);
        var status = await CaseDriver.PollAsync(restarted, id, s => s.Count("Escalation") == 2);

        // Assert: nothing recorded before the crash is lost, every step fired, none twice.
        status.AssertClockRanOut("Received", "Acknowledged", "Reminder", "Escalation", "Escalation");
        Assert.True(status["miitBreached"]!.GetValue<bool>());
        Assert.Single(sandbox.MailFiles(), m => m.Contains(id + "/acknowledgement", StringComparison.Ordinal));
        Assert.Single(sandbox.MailFiles(), m => m.Contains(id + "/miit-deadline-missed", StringComparison.Ordinal));
        // No message went out twice, beyond one send the kill may have cut off (a slow start can put
        // the reminder's send at the kill): counted as file writes, since a repeated send overwrites its file.
        var counts = await writes.CountsAsync(sandbox.MailDirectory);
        Assert.False(writes.LostEvents, "the pickup folder watcher lost events");
        var extraWrites = counts.Sum(c => c.Value - 1);
        Assert.True(extraWrites <= 1, $"{extraWrites} repeated sends: {string.Join(", ", counts.Where(c => c.Value > 1).Select(c => $"{c.Key} × {c.Value}"))}");
    }

    [Fact]
    public async Task Host_MalformedPolicy_StopsAtStartNamingTheKey()
    {
        // Arrange
        await File.WriteAllTextAsync(sandbox.PolicyFile, TestPolicies.RestartClock.Replace("\"PT12S\"", "\"12 seconds\"", StringComparison.Ordinal));

        // Act
        await using var host = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        var exitCode = await host.WaitForExitAsync();

        // Assert
        Assert.NotEqual(0, exitCode);
        Assert.Contains("miitSubmission.deadline", host.Output, StringComparison.Ordinal);
    }
}
