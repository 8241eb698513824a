using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableSentMailLogTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTime SentAt = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private readonly TableSentMailLog log = new(storage.Tables);

    [Fact]
    public async Task StateAsync_NeverMarked_NotSent()
    {
        // Arrange
        await log.MarkSentAsync(Key("acknowledgement"), SentAt);

        // Act
        var state = await log.StateAsync(Key("acknowledgement"));

        // Assert
        Assert.Equal(SentMailState.NotSent, state);
    }

    [Fact]
    public async Task MarkSentAsync_KeyWithSlash_StateIsSent()
    {
        // Arrange
        var key = Key("acknowledgement");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.Equal(SentMailState.Sent, await log.StateAsync(key));
    }

    [Fact]
    public async Task MarkSentAsync_KeysDifferingOnlyInCase_AreDistinct()
    {
        // Arrange
        var key = Key("Reminder");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.Equal(SentMailState.Sent, await log.StateAsync(key));
        Assert.Equal(SentMailState.NotSent, await log.StateAsync(key.ToLowerInvariant()));
    }

    [Fact]
    public async Task MarkSentAsync_Twice_KeepsFirstMark()
    {
        // Arrange
        var key = Key("patch-notice");
        await log.MarkSentAsync(key, SentAt);

        // Act
        await log.MarkSentAsync(key, SentAt.AddHours(1));

        // Assert
        var row = await Row(key);
        Assert.Equal(SentAt, row.GetDateTimeOffset("SentAtUtc")!.Value.UtcDateTime);
    }

    [Fact]
    public async Task StateAsync_ChineseKeyMarkedSent_Sent()
    {
        // Arrange
        var key = Key("上游厂商通知");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.Equal(SentMailState.Sent, await log.StateAsync(key));
    }

    [Fact]
    public async Task MarkDelayedAsync_NotSentBefore_StateIsDelayed()
    {
        // Arrange
        var key = Key("acknowledgement");

        // Act
        await log.MarkDelayedAsync(key, SentAt);

        // Assert
        Assert.Equal(SentMailState.Delayed, await log.StateAsync(key));
    }

    [Fact]
    public async Task MarkSentAsync_AfterADelay_SentAfterDelayWithBothTimes()
    {
        // Arrange
        var key = Key("acknowledgement");
        await log.MarkDelayedAsync(key, SentAt);

        // Act
        await log.MarkSentAsync(key, SentAt.AddMinutes(5));

        // Assert
        Assert.Equal(SentMailState.SentAfterDelay, await log.StateAsync(key));
        var row = await Row(key);
        Assert.Equal((SentAt, SentAt.AddMinutes(5)), (row.GetDateTimeOffset("DelayedSinceUtc")!.Value.UtcDateTime, row.GetDateTimeOffset("SentAtUtc")!.Value.UtcDateTime));
    }

    [Fact]
    public async Task MarkDelayedAsync_AfterTheSend_StaysSent()
    {
        // Arrange: a concurrent attempt that failed writes its mark after another one sent the message.
        var key = Key("acknowledgement");
        await log.MarkSentAsync(key, SentAt);

        // Act
        await log.MarkDelayedAsync(key, SentAt.AddSeconds(1));

        // Assert
        Assert.Equal(SentMailState.Sent, await log.StateAsync(key));
    }

    [Fact]
    public async Task MarkSentAsync_TwiceAfterADelay_KeepsFirstMark()
    {
        // Arrange
        var key = Key("acknowledgement");
        await log.MarkDelayedAsync(key, SentAt);
        await log.MarkSentAsync(key, SentAt.AddMinutes(5));

        // Act
        await log.MarkSentAsync(key, SentAt.AddMinutes(9));

        // Assert
        Assert.Equal(SentAt.AddMinutes(5), (await Row(key)).GetDateTimeOffset("SentAtUtc")!.Value.UtcDateTime);
    }

    [Fact]
    public async Task MarkDelayedAsync_DelayedBefore_ReturnsTheFirstTime()
    {
        // Arrange
        var key = Key("acknowledgement");
        await log.MarkDelayedAsync(key, SentAt);

        // Act
        var since = await log.MarkDelayedAsync(key, SentAt.AddMinutes(3));

        // Assert
        Assert.Equal(SentAt, since);
    }

    [Fact]
    public async Task MarkDelayedAsync_SentBefore_ReturnsNull()
    {
        // Arrange
        var key = Key("acknowledgement");
        await log.MarkSentAsync(key, SentAt);

        // Act
        var since = await log.MarkDelayedAsync(key, SentAt.AddSeconds(1));

        // Assert
        Assert.Null(since);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task MarkSentAsync_DelayedBeforeOrNot_ReturnsWhetherItEndedADelay(bool delayedBefore, bool expected)
    {
        // Arrange
        var key = Key("acknowledgement");
        if (delayedBefore) await log.MarkDelayedAsync(key, SentAt);

        // Act
        var endedDelay = await log.MarkSentAsync(key, SentAt.AddMinutes(1));

        // Assert
        Assert.Equal(expected, endedDelay);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MarkRefusedAsync_HeldUpBeforeOrNot_StateIsRefused(bool delayedBefore)
    {
        // Arrange
        var key = Key("advisory");
        if (delayedBefore) await log.MarkDelayedAsync(key, SentAt);

        // Act
        await log.MarkRefusedAsync(key, SentAt.AddMinutes(1));

        // Assert
        Assert.Equal(SentMailState.Refused, await log.StateAsync(key));
    }

    [Fact]
    public async Task MarkDelayedAsync_WithdrawnBefore_ReturnsNull()
    {
        // Arrange: another attempt found the message held up and withdrew it.
        var key = Key("miit-reminder");
        await log.MarkDelayedAsync(key, SentAt);
        await log.MarkWithdrawnAsync(StorageKeys.Hash(key), SentAt.AddSeconds(1));

        // Act
        var since = await log.MarkDelayedAsync(key, SentAt.AddSeconds(2));

        // Assert: the failing attempt does not mark the case held up again.
        Assert.Null(since);
    }

    [Fact]
    public async Task MarkDelayedAsync_RefusedBefore_ReturnsNull()
    {
        // Arrange: another attempt had the message refused for good.
        var key = Key("advisory");
        await log.MarkRefusedAsync(key, SentAt);

        // Act
        var since = await log.MarkDelayedAsync(key, SentAt.AddSeconds(1));

        // Assert
        Assert.Null(since);
    }

    [Fact]
    public async Task StateAsync_SentByOneAttemptRefusedToAnother_Sent()
    {
        // Arrange
        var key = Key("advisory");
        await log.MarkSentAsync(key, SentAt);

        // Act
        await log.MarkRefusedAsync(key, SentAt.AddSeconds(1));

        // Assert
        Assert.Equal(SentMailState.Sent, await log.StateAsync(key));
    }

    [Fact]
    public async Task StateOfHashAsync_HashAHeldUpMarkKeeps_StateOfItsKey()
    {
        // Arrange: a held-up mark on the case keeps the key's SHA-256, not the key.
        var key = Key("review/r1/MIIT/reviewer@miit.example.cn");
        await log.MarkDelayedAsync(key, SentAt);

        // Act
        var state = await log.StateOfHashAsync(HeldUpMail.Of(key, "shown", "Art. 9(1)", SentAt).KeyHash);

        // Assert
        Assert.Equal(SentMailState.Delayed, state);
        Assert.Equal(SentMailState.NotSent, await log.StateOfHashAsync(HeldUpMail.Of(Key("other"), "shown", "Art. 9(1)", SentAt).KeyHash));
    }

    [Fact]
    public async Task MarkRefusedAsync_AfterDelayAndSendOfKeyWithAddress_RowKeepsOnlyTheTimes()
    {
        // Arrange: an advisory's key names its recipient; the message is held up, sent, then (by another attempt) refused.
        var key = Key("advisory/user@customer.example.cn");

        // Act
        await log.MarkDelayedAsync(key, SentAt);
        await log.MarkSentAsync(key, SentAt.AddMinutes(5));
        await log.MarkRefusedAsync(key, SentAt.AddMinutes(6));

        // Assert: only the hash (its keys) and the three times; these rows are never purged.
        var row = await Row(key);
        Assert.Equal(["DelayedSinceUtc", "RefusedAtUtc", "SentAtUtc"], row.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order());
        Assert.DoesNotContain(row, pair => pair.Value is string text && text.Contains("customer.example.cn", StringComparison.Ordinal));
    }

    private async Task<TableEntity> Row(string key)
    {
        var hash = StorageKeys.Hash(key);
        return (await storage.Table("SentMail").GetEntityAsync<TableEntity>(hash[..2], hash)).Value;
    }

    private static string Key(string message) => $"{CaseRecords.NewId()}/{message}";
}
