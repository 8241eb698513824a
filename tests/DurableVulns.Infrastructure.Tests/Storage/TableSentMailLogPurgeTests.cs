using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>The retention run's purge of the sent-mail log, on a table of its own so that counts are exact.</summary>
public sealed class TableSentMailLogPurgeTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTime Cutoff = new(2025, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    private readonly TableSentMailLog log = new(storage.Tables);

    [Fact]
    public async Task PurgeAsync_MessagesSentRefusedOrWithdrawnBeforeTheCutoff_DeletesThemAndKeepsHeldUpAndLaterOnes()
    {
        // Arrange
        var sentBefore = await MarkedAsync(async key => await log.MarkSentAsync(key, Cutoff.AddDays(-2)));
        var refusedBefore = await MarkedAsync(key => log.MarkRefusedAsync(key, Cutoff.AddDays(-2)));
        var sentAfterDelayBefore = await MarkedAsync(async key =>
        {
            await log.MarkDelayedAsync(key, Cutoff.AddDays(-9));
            await log.MarkSentAsync(key, Cutoff.AddDays(-8));
        });
        var sentAtCutoff = await MarkedAsync(async key => await log.MarkSentAsync(key, Cutoff));
        var heldUpLongAgo = await MarkedAsync(async key => await log.MarkDelayedAsync(key, Cutoff.AddDays(-60)));
        var withdrawnBefore = await MarkedAsync(async key =>
        {
            await log.MarkDelayedAsync(key, Cutoff.AddDays(-60));
            await log.MarkWithdrawnAsync(StorageKeys.Hash(key), Cutoff.AddDays(-1));
        });
        var withdrawnAfter = await MarkedAsync(async key =>
        {
            await log.MarkDelayedAsync(key, Cutoff.AddDays(-60));
            await log.MarkWithdrawnAsync(StorageKeys.Hash(key), Cutoff.AddDays(1));
        });
        // Sent wins over refused: another attempt sent it after the cutoff.
        var refusedBeforeSentAfter = await MarkedAsync(async key =>
        {
            await log.MarkRefusedAsync(key, Cutoff.AddDays(-2));
            await log.MarkSentAsync(key, Cutoff.AddHours(1));
        });

        // Act
        var purged = await log.PurgeAsync(Cutoff);

        // Assert
        Assert.Equal(4, purged);
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(sentBefore));
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(refusedBefore));
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(sentAfterDelayBefore));
        Assert.Equal(SentMailState.Sent, await log.StateAsync(sentAtCutoff));
        Assert.Equal(SentMailState.Delayed, await log.StateAsync(heldUpLongAgo));
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(withdrawnBefore));
        Assert.Equal(SentMailState.Delayed, await log.StateAsync(withdrawnAfter));
        Assert.Equal(SentMailState.Sent, await log.StateAsync(refusedBeforeSentAfter));
    }

    [Fact]
    public async Task PurgeAsync_SecondRun_DeletesNothingMore()
    {
        // Arrange
        var sent = await MarkedAsync(async key => await log.MarkSentAsync(key, Cutoff.AddDays(-1)));
        await log.PurgeAsync(Cutoff);

        // Act
        var purged = await log.PurgeAsync(Cutoff);

        // Assert
        Assert.Equal(0, purged);
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(sent));
    }

    // A message key of the shape the workflows use, with a reviewer's address in it.
    private static async Task<string> MarkedAsync(Func<string, Task> mark)
    {
        var key = $"DV-{Guid.NewGuid():N}/review/r1/MIIT/reviewer@miit.example.cn";
        await mark(key);
        return key;
    }
}
