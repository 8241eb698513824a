using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableAuditLogTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTime T0 = new(2025, 3, 4, 5, 6, 7, 123, DateTimeKind.Utc);

    private readonly TableAuditLog log = new(storage.Tables);

    [Fact]
    public async Task AppendAsync_SameKeyTwice_KeepsFirstEntry()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var first = Entry("received", T0, "已受理漏洞报告");
        await log.AppendAsync(caseId, first);

        // Act
        await log.AppendAsync(caseId, first with { AtUtc = T0.AddMinutes(5), Detail = "重试写入" });

        // Assert
        var entry = Assert.Single(await log.ReadAsync(caseId));
        Assert.Equal(first, entry);
    }

    [Fact]
    public async Task AppendAsync_WatchedKey_HandsTheStoredEntryToTheWatch()
    {
        // Arrange: a PSIRT action in this process waits for its entry.
        var watch = new AuditWatch();
        var watched = new TableAuditLog(storage.Tables, watch);
        var caseId = CaseRecords.NewId();
        var waiting = watch.Watch(caseId, "action-1");
        var entry = Entry("action-1", DateTime.SpecifyKind(T0, DateTimeKind.Unspecified), "已评估");

        // Act
        await watched.AppendAsync(caseId, entry);

        // Assert: the entry as storage reads it back.
        Assert.Equal(Assert.Single(await log.ReadAsync(caseId)), await waiting);
        Assert.Equal(DateTimeKind.Utc, (await waiting)!.AtUtc.Kind);
    }

    [Fact]
    public async Task AppendAsync_WatchedKeyStoredBefore_WatchGetsNoEntry()
    {
        // Arrange: a retried write of a key already stored, with another time and detail.
        var watch = new AuditWatch();
        var watched = new TableAuditLog(storage.Tables, watch);
        var caseId = CaseRecords.NewId();
        var first = Entry("action-1", T0, "已评估");
        await log.AppendAsync(caseId, first);
        var waiting = watch.Watch(caseId, "action-1");

        // Act
        await watched.AppendAsync(caseId, first with { AtUtc = T0.AddMinutes(5), Detail = "重试写入" });

        // Assert: the waiter must read the stored (first) entry, not take the retry's.
        Assert.True(waiting.IsCompletedSuccessfully);
        Assert.Null(await waiting);
    }

    [Fact]
    public async Task ReadAsync_EntriesAppendedOutOfOrder_ReturnsThemOldestFirst()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var late = Entry("a-patch", T0.AddDays(3), "补丁已发布");
        var early = Entry("z-received", T0, "已受理");
        var middleB = Entry("miit-b", T0.AddHours(1), "同时 B");
        var middleA = Entry("miit-a", T0.AddHours(1), "同时 A");
        foreach (var entry in new[] { late, middleB, early, middleA }) await log.AppendAsync(caseId, entry);

        // Act
        var entries = await log.ReadAsync(caseId);

        // Assert: by time, then by key for entries of the same instant.
        Assert.Equal([early, middleA, middleB, late], entries);
        Assert.All(entries, e => Assert.Equal(DateTimeKind.Utc, e.AtUtc.Kind));
    }

    [Fact]
    public async Task ReadAsync_OtherCases_ReturnsOnlyThisCasesEntries()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var otherId = CaseRecords.NewId();
        var mine = Entry("received", T0, "mine");
        await log.AppendAsync(caseId, mine);
        await log.AppendAsync(otherId, Entry("received", T0, "other"));

        // Act
        var entries = await log.ReadAsync(caseId);

        // Assert
        Assert.Equal([mine], entries);
    }

    [Fact]
    public async Task ReadAsync_UnknownCase_ReturnsEmpty()
    {
        // Arrange
        await log.AppendAsync(CaseRecords.NewId(), Entry("received", T0, "x"));

        // Act
        var entries = await log.ReadAsync(CaseRecords.NewId());

        // Assert
        Assert.Empty(entries);
    }

    [Fact]
    public async Task FindAsync_AppendedKey_ReturnsEntry()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var entry = Entry("assessed", T0, "评估：高危");
        await log.AppendAsync(caseId, Entry("received", T0, "已受理"));
        await log.AppendAsync(caseId, entry);

        // Act
        var found = await log.FindAsync(caseId, "assessed");

        // Assert
        Assert.Equal(entry, found);
    }

    [Fact]
    public async Task FindAsync_UnknownKey_ReturnsNull()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        await log.AppendAsync(caseId, Entry("received", T0, "已受理"));

        // Act
        var found = await log.FindAsync(caseId, "closed");

        // Assert
        Assert.Null(found);
    }

    [Theory]
    [InlineData("miit/reminder#1?")]
    [InlineData("escalation\\24h")]
    [InlineData("line\nbreak")]
    public async Task AppendAsync_UnsafeKey_StoresItUnderItsHashAndFindsItByKey(string key)
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var entry = Entry(key, T0, "提醒");

        // Act
        await log.AppendAsync(caseId, entry);
        await log.AppendAsync(caseId, entry with { Detail = "again" });

        // Assert
        var row = Assert.Single(await RowsAsync(caseId));
        Assert.Equal(StorageKeys.Hash(key), row.RowKey);
        Assert.Equal(key, row.GetString("Key"));
        Assert.Equal(entry, await log.FindAsync(caseId, key));
        Assert.Equal([entry], await log.ReadAsync(caseId));
    }

    [Fact]
    public async Task AppendAsync_SafeKey_StoresItAsRowKey()
    {
        // Arrange
        var caseId = CaseRecords.NewId();

        // Act
        await log.AppendAsync(caseId, Entry("miit-reminder-1", T0, "提醒"));

        // Assert
        var row = Assert.Single(await RowsAsync(caseId));
        Assert.Equal("miit-reminder-1", row.RowKey);
    }

    [Fact]
    public async Task AppendAsync_UnspecifiedKindTime_ReadsBackAsUtc()
    {
        // Arrange
        var caseId = CaseRecords.NewId();
        var unspecified = DateTime.SpecifyKind(T0, DateTimeKind.Unspecified);

        // Act
        await log.AppendAsync(caseId, Entry("received", unspecified, "x"));

        // Assert
        var entry = await log.FindAsync(caseId, "received");
        Assert.Equal(T0, entry!.AtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.AtUtc.Kind);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("")]
    public async Task FindAsync_UnsafeCaseId_ReturnsNull(string caseId)
    {
        // Arrange
        await log.AppendAsync(CaseRecords.NewId(), Entry("received", T0, "x"));

        // Act
        var found = await log.FindAsync(caseId, "received");

        // Assert
        Assert.Null(found);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a?b")]
    [InlineData("")]
    public async Task ReadAsync_UnsafeCaseId_ReturnsEmpty(string caseId)
    {
        // Arrange
        await log.AppendAsync(CaseRecords.NewId(), Entry("received", T0, "x"));

        // Act
        var entries = await log.ReadAsync(caseId);

        // Assert
        Assert.Empty(entries);
    }

    private static AuditEntry Entry(string key, DateTime atUtc, string detail) =>
        new(key, atUtc, "Received", "Art. 7(1)", detail, "system");

    private async Task<List<TableEntity>> RowsAsync(string caseId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table("Audit").QueryAsync<TableEntity>(e => e.PartitionKey == caseId)) rows.Add(row);
        return rows;
    }
}
