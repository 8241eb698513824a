using System.Diagnostics;
using System.Globalization;
using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Graceful shutdown: SIGTERM while reports arrive and their mails go out. The host drains what
/// it has taken in and exits by itself with code 0; the exit time is measured and printed, never
/// asserted. A restarted host finds every case intact and finishes what was left.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FirstBurst = 15;
    private const int SecondBurst = 10;
    private const int CaseCount = FirstBurst + SecondBurst;

    /// <summary>SIGTERM comes once this many mails are out: the mail activities are under way, more are owed.</summary>
    private const int MailsBeforeStop = 3;

    // The MIIT clock does not fire during the test: each case owes exactly its two mails.
    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task Host_SigtermWithCasesInFlight_ExitsByItselfWithZeroAndCasesStayIntact()
    {
        // Arrange: a burst of reports, each with a key so that one refused during shutdown can be retried.
        var reports = Enumerable.Range(0, FirstBurst + SecondBurst)
            .Select(i => (Key: $"shutdown-{i}", Report: CaseDriver.Report(i, withUpstream: true))).ToList();
        IntakeOutcome[] burst;
        int exitCode;
        TimeSpan exitTime;
        int mailsAtStop;
        int mailsAtExit;
        string hostOutput;
        await using (var host = HostProcess.Start(sandbox.Environment(), sandbox.Directory))
        {
            await host.WaitUntilReadyAsync();
            using var client = sandbox.Client(host);
            var first = Task.WhenAll(reports.Take(FirstBurst).Select(r => CaseDriver.FileAsync(client, r.Report, r.Key)));
            await WaitForMailsAsync(MailsBeforeStop, seconds: 60);

            // Act: SIGTERM while mails go out and a second burst of reports arrives; the bound only stops a hang.
            var second = Task.WhenAll(reports.Skip(FirstBurst).Select(r => CaseDriver.FileAsync(client, r.Report, r.Key)));
            var stopping = Stopwatch.StartNew();
            mailsAtStop = MailCount();
            host.Terminate();
            exitCode = await host.WaitForExitAsync(seconds: 30);
            exitTime = stopping.Elapsed;
            mailsAtExit = MailCount();
            hostOutput = host.Output;
            burst = [.. await first.WaitAsync(TimeSpan.FromSeconds(30)), .. await second.WaitAsync(TimeSpan.FromSeconds(30))];
        }

        await using var restarted = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        await restarted.WaitUntilReadyAsync();
        using var again = sandbox.Client(restarted);
        var filed = await Task.WhenAll(reports.Select(r => CaseDriver.FileAsync(again, r.Report, r.Key)));
        var ids = filed.Where(f => f.Accepted).Select(f => f.CaseId!).ToList();
        var statuses = await CaseDriver.PollAllAsync(again, ids, s => s.Has("Acknowledged") && s.Has("UpstreamNotified"));

        // Assert: the host exited by itself, with 0, and answered nothing during shutdown but 202 or a refused connection.
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{hostOutput}");
        Assert.DoesNotContain("fail:", hostOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("crit:", hostOutput, StringComparison.Ordinal);
        Assert.All(burst, o => Assert.True(o.Status is null or 202, $"{o.Key}: {o.Status} {o.Body}"));

        // Every report accepted before the stop keeps its case; every key is one case, finished once.
        Assert.All(filed, f => Assert.True(f.Accepted, $"{f.Key}: {f.Status} {f.Body}"));
        foreach (var (before, after) in burst.Zip(filed).Where(p => p.First.Accepted))
            Assert.Equal(before.CaseId, after.CaseId);
        Assert.Equal(CaseCount, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await sandbox.RowsAsync("Cases")).Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        var mailKeys = sandbox.MailKeys();
        foreach (var id in ids)
        {
            Assert.Equal(["Received", "Acknowledged", "UpstreamNotified"], statuses[id].TimelineTypes());
            Assert.Equal(1, mailKeys.Count(k => k == id + "/acknowledgement"));
            Assert.Equal(1, mailKeys.Count(k => k == id + "/upstream-notice"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SIGTERM → exit (code {exitCode}) in {exitTime.TotalSeconds:F2} s; {burst.Count(o => o.Accepted)} of {CaseCount} reports accepted, " +
            $"{burst.Count(o => o.Status is null)} refused (connection) during shutdown; mails sent: {mailsAtStop} at SIGTERM, {mailsAtExit} at exit, of {CaseCount * 2}."));
    }

    private int MailCount() => Directory.GetFiles(sandbox.MailDirectory, "*.eml").Length;

    private async Task WaitForMailsAsync(int count, int seconds)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (MailCount() < count)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Fewer than {count} mails in {seconds}s: {MailCount()}.");
            await Task.Delay(20);
        }
    }
}
