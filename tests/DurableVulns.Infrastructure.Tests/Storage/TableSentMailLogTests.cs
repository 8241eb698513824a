using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableSentMailLogTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTime SentAt = new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private readonly TableSentMailLog log = new(storage.Tables);

    [Fact]
    public async Task WasSentAsync_NeverMarked_ReturnsFalse()
    {
        // Arrange
        await log.MarkSentAsync(Key("acknowledgement"), SentAt);

        // Act
        var sent = await log.WasSentAsync(Key("acknowledgement"));

        // Assert
        Assert.False(sent);
    }

    [Fact]
    public async Task MarkSentAsync_KeyWithSlash_WasSentAsyncReturnsTrue()
    {
        // Arrange
        var key = Key("acknowledgement");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.True(await log.WasSentAsync(key));
    }

    [Fact]
    public async Task MarkSentAsync_KeysDifferingOnlyInCase_AreDistinct()
    {
        // Arrange
        var key = Key("Reminder");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.True(await log.WasSentAsync(key));
        Assert.False(await log.WasSentAsync(key.ToLowerInvariant()));
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
        var hash = StorageKeys.Hash(key);
        var row = (await storage.Table("SentMail").GetEntityAsync<TableEntity>(hash[..2], hash)).Value;
        Assert.Equal(key, row.GetString("Key"));
        Assert.Equal(SentAt, row.GetDateTimeOffset("SentAtUtc")!.Value.UtcDateTime);
    }

    [Fact]
    public async Task WasSentAsync_ChineseKey_ReturnsTrueAfterMark()
    {
        // Arrange
        var key = Key("上游厂商通知");

        // Act
        await log.MarkSentAsync(key, SentAt);

        // Assert
        Assert.True(await log.WasSentAsync(key));
    }

    private static string Key(string message) => $"{CaseRecords.NewId()}/{message}";
}
