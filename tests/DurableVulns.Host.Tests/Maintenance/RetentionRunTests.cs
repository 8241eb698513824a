using Azure.Data.Tables;
using DurableVulns.Api.Maintenance;
using DurableVulns.Domain.Rules;
using DurableVulns.Testing;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Host.Tests.Maintenance;

/// <summary>
/// The daily retention run purges finished workflow history, never the case, its audit, or a running
/// case; and the sent-mail rows and Idempotency-Keys past the policy's retention.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RetentionRunTests(DurableVulnsHost host)
{
    [Fact]
    public async Task Run_EightDaysAfterACaseClosed_PurgesItsHistoryKeepsTheCaseAndSparesOpenCases()
    {
        // Arrange: a closed case, an open one, and a clock eight days on (the policy keeps history seven).
        var open = await host.SubmitReportAsync();
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "close");
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        await WaitAsync(async () => await workflows.GetStatusAsync(id) == "Completed");

        // Act
        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8)));

        // Assert
        Assert.Null(await workflows.GetStatusAsync(id));
        var status = await host.StatusAsync(id);
        Assert.Equal("Closed", status["stage"]!.GetValue<string>());
        Assert.True(status.Has("Received"));
        Assert.Equal("Running", await workflows.GetStatusAsync(open));
    }

    [Fact]
    public async Task Run_PastKeyRetentions_PurgesOldSentMailAndIdempotencyKeysAndKeepsTheRest()
    {
        // Arrange: a clock eight days on, so the policy's defaults (30 and 7 days) cut at 22 days ago
        // for sent mail and one day ahead for keys, which every key claimed today falls before.
        var now = DateTime.UtcNow;
        var sentMail = host.Services.GetRequiredService<ISentMailLog>();
        var (oldMessage, recentMessage, heldMessage) = ($"test/{Guid.NewGuid():N}/old", $"test/{Guid.NewGuid():N}/recent", $"test/{Guid.NewGuid():N}/held");
        await sentMail.MarkSentAsync(oldMessage, now.AddDays(-23));
        await sentMail.MarkSentAsync(recentMessage, now.AddDays(-21));
        await sentMail.MarkDelayedAsync(heldMessage, now.AddDays(-60));
        var idempotencyKey = Guid.NewGuid().ToString();
        var idempotency = host.Services.GetRequiredService<IIdempotencyStore>();
        await idempotency.ClaimAsync(idempotencyKey, new IdempotencyClaim("DV-first", "body-1"));

        // Act
        await RunAsync(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8)));

        // Assert: the key is free for a new report; only the message sent before the cut-off is gone.
        Assert.False(await HasIdempotencyKeyAsync(idempotencyKey));
        var next = new IdempotencyClaim("DV-second", "body-2");
        Assert.Equal(next, await idempotency.ClaimAsync(idempotencyKey, next));
        Assert.Equal(SentMailState.NotSent, await sentMail.StateAsync(oldMessage));
        Assert.Equal(SentMailState.Sent, await sentMail.StateAsync(recentMessage));
        Assert.Equal(SentMailState.Delayed, await sentMail.StateAsync(heldMessage));
    }

    // The host's own run, with the given clock.
    private async Task RunAsync(TimeProvider time)
    {
        using var scope = host.Services.CreateScope();
        await ActivatorUtilities.CreateInstance<RetentionRun>(scope.ServiceProvider, time).RunAsync(CancellationToken.None);
    }

    private async Task<bool> HasIdempotencyKeyAsync(string key)
    {
        var hash = TextHash.Sha256Hex(key);
        var table = new TableClient(DurableVulnsHost.ConnectionString, host.TaskHub + "Idempotency");
        return (await table.GetEntityIfExistsAsync<TableEntity>(hash[..2], hash)).HasValue;
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
