using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Crash during the activities that send mail: a burst of cases, each owing an acknowledgement
/// and an upstream notice, and the host SIGKILLed three times while those mails are going out.
/// After the last restart every mail owed is sent, and none twice.
/// </summary>
public sealed class MailCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int CaseCount = 15;
    private const int MailsPerCase = 2;

    /// <summary>Each kill comes this many new mail files after the (re)start: sends are under way, more are owed.</summary>
    private static readonly int[] KillAfterNewMails = [3, 4, 5];

    // The MIIT clock does not fire during the test: each case owes exactly its two mails.
    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task MailActivities_HostKilledThreeTimesMidBurst_EveryCaseAcknowledgedByOneMailEach()
    {
        // Arrange: a burst of cases with an upstream component, filed with keys so that a cut-off intake can be retried.
        using var writes = new MailWrites(sandbox.MailDirectory);
        var reports = Enumerable.Range(0, CaseCount).Select(i => (Key: $"mail-crash-{i}", Report: CaseDriver.Report(i, withUpstream: true))).ToList();
        var mailsAtKill = new List<int>();
        IntakeOutcome[] burst;

        // Act: kill during the burst, then twice more while the restarted host resumes the sends.
        await using (var host = HostProcess.Start(OneSendAtATime(), sandbox.Directory))
        {
            await host.WaitUntilReadyAsync();
            using var client = sandbox.Client(host);
            var filing = Task.WhenAll(reports.Select(r => CaseDriver.FileAsync(client, r.Report, r.Key)));
            await KillAtMailsAsync(writes, host, KillAfterNewMails[0]);
            mailsAtKill.Add(MailCount());
            burst = await filing.WaitAsync(TimeSpan.FromSeconds(60));
        }
        foreach (var newMails in KillAfterNewMails.Skip(1))
        {
            // Counting starts at once, not after /healthz answers: the worker resumes the sends
            // before the web server is up, and could finish them all in that time.
            await using var host = HostProcess.Start(OneSendAtATime(), sandbox.Directory);
            await KillAtMailsAsync(writes, host, mailsAtKill[^1] + newMails);
            mailsAtKill.Add(MailCount());
        }
        var cutOff = burst.Count(o => !o.Accepted);

        await using var last = HostProcess.Start(OneSendAtATime(), sandbox.Directory);
        await last.WaitUntilReadyAsync();
        using var restarted = sandbox.Client(last);
        var filed = await Task.WhenAll(reports.Select(r => CaseDriver.FileAsync(restarted, r.Report, r.Key)));
        Assert.All(filed, f => Assert.True(f.Accepted, $"{f.Key}: intake answered {f.Status} {f.Body}"));
        var ids = filed.Select(f => f.CaseId!).ToList();
        var statuses = await CaseDriver.PollAllAsync(restarted, ids, s => s.Has("Acknowledged") && s.Has("UpstreamNotified"));
        var counts = await writes.CountsAsync(sandbox.MailDirectory);

        // Assert: every kill came while mail was still owed; intake answered 202 or was cut off, and a 202 kept its case.
        Assert.All(mailsAtKill, m => Assert.True(m < CaseCount * MailsPerCase, $"a kill came after all {m} mails were sent"));
        Assert.All(burst, o => Assert.True(o.Status is null or 202, $"{o.Key}: {o.Status} {o.Body}"));
        foreach (var (before, after) in burst.Zip(filed).Where(p => p.First.Accepted))
            Assert.Equal(before.CaseId, after.CaseId);

        // Every case acknowledged and its provider notified, each recorded once and mailed by one file.
        var mailKeys = sandbox.MailKeys();
        foreach (var id in ids)
        {
            Assert.Equal(1, statuses[id].Count("Acknowledged"));
            Assert.Equal(1, statuses[id].Count("UpstreamNotified"));
            Assert.Equal(1, mailKeys.Count(k => k == id + "/acknowledgement"));
            Assert.Equal(1, mailKeys.Count(k => k == id + "/upstream-notice"));
        }
        Assert.Equal(CaseCount * MailsPerCase, mailKeys.Count);
        Assert.Equal(CaseCount, (await sandbox.RowsAsync("Cases")).Count);

        // A kill between a send and its sent-mail record repeats that send (at least once); the pickup
        // file named by the message key is then overwritten, not doubled. With one send at a time a
        // kill cuts off at most one send, so only that one may go out twice: no other message is repeated.
        var repeated = counts.Count(c => c.Value > 1);
        var extraWrites = counts.Sum(c => c.Value - 1);
        Assert.True(extraWrites <= mailsAtKill.Count, $"{extraWrites} repeated sends after {mailsAtKill.Count} kills: a retry sent a message it had recorded as sent");
        output.WriteLine($"Mails present at the three kills: {string.Join(", ", mailsAtKill)} of {CaseCount * MailsPerCase}; " +
            $"intake requests cut off by the first kill and retried: {cutOff}.");
        output.WriteLine($"Mail files written more than once (a send repeated after a kill, overwritten in place): {repeated}" +
            (writes.LostEvents ? " (the folder watcher lost events: a lower bound)" : "") + ".");
    }

    // One mail activity at a time, so that the sends come one after another and each kill lands
    // with mail still owed. A send is still cut off mid-way, and the sends still race the intake.
    private Dictionary<string, string> OneSendAtATime()
    {
        var environment = sandbox.Environment();
        environment["DurableVulns__Engine__MaxConcurrentTaskActivityWorkItems"] = "1";
        return environment;
    }

    private int MailCount() => Directory.GetFiles(sandbox.MailDirectory, "*.eml").Length;

    /// <summary>
    /// Kills the host in the folder watcher's event for the <paramref name="count"/>th mail file, or
    /// for the last mail the burst owes if that is fewer (the kill then comes too late, and the test says so).
    /// </summary>
    private static Task KillAtMailsAsync(MailWrites writes, HostProcess host, int count) =>
        writes.WhenFilesAsync(Math.Min(count, CaseCount * MailsPerCase), host.Kill, TimeSpan.FromSeconds(60));
}
