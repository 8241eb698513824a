using Azure.Data.Tables;
using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// A mail outage outlasts the ten attempts that used to fail a case (and stop its MIIT clock with
/// it): the acknowledgement is retried until the mail is back, and then sent once; the case's
/// timeline shows it was held up, and its status lists it as held up until it is sent.
/// </summary>
public sealed class ActivityRetryTests(QuickRetryHost host) : IClassFixture<QuickRetryHost>
{
    private const int OldAttemptLimit = 10;

    [Fact]
    public async Task Acknowledgement_MailFailsMoreOftenThanTheOldLimit_SentOnceWhenMailIsBack()
    {
        // Arrange: every send fails.
        using var outage = await host.StartMailOutageAsync();
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: true));

        // Act: wait for more failed attempts than the old limit allowed, then end the outage.
        var failures = await WaitForFailedAttemptsAsync(id, OldAttemptLimit + 2);
        var during = await host.StatusAsync(id);
        outage.End();
        var status = await host.WaitForAsync(id, s => s.Has("Acknowledged") && s.Has("UpstreamNotified"));

        // Assert: the case went on; each mail went out once, the upstream notice after the acknowledgement;
        // the held-up acknowledgement is on the case's timeline once, however many attempts failed.
        Assert.True(failures > OldAttemptLimit);
        Assert.Equal(1, status.Count("Acknowledged"));
        Assert.Equal(1, status.Count("UpstreamNotified"));
        Assert.Equal(2, host.MailFiles().Count);
        Assert.Contains($"Message {id}/acknowledgement to 1 address(es) could not be sent yet", status.Detail("MailDelayed"));
        // While the outage lasted the case showed the message held up; the send that ended it cleared that.
        var held = Assert.Single(during["mailHeldUp"]!.AsArray())!;
        Assert.Equal(($"{id}/acknowledgement", "Art. 6"), (held["message"]!.GetValue<string>(), held["article"]!.GetValue<string>()));
        Assert.Contains($"Message {id}/acknowledgement to 1 address(es), held up before", status.Detail("MailSentAfterDelay"));
        Assert.Empty(status["mailHeldUp"]!.AsArray());
    }

    /// <summary>Counts the failed activity attempts in the case's durable history until there are <paramref name="count"/>.</summary>
    private async Task<int> WaitForFailedAttemptsAsync(string instanceId, int count)
    {
        var history = new TableClient(DurableVulnsHost.ConnectionString, host.TaskHub + "History");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and EventType eq {"TaskFailed"}");
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var failed = 0;
            await foreach (var _ in history.QueryAsync<TableEntity>(filter, select: ["RowKey"])) failed++;
            if (failed >= count) return failed;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{failed} failed attempts of {count} within 90 s; the case may have failed.");
            await Task.Delay(250);
        }
    }
}
