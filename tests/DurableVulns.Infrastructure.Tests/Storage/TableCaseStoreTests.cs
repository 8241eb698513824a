using System.Text;
using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableCaseStoreTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    // One string property holds at most 64 KiB, i.e. 32,768 UTF-16 code units.
    private const int MaxCharsPerProperty = 32 * 1024;

    private readonly TableCaseStore store = new(storage.Tables);

    [Fact]
    public async Task CreateAsync_ChineseText_GetAsyncReturnsEqualRecord()
    {
        // Arrange
        var record = CaseRecords.New(CaseRecords.NewId());

        // Act
        await store.CreateAsync(record);
        var read = await store.GetAsync(record.Id);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(record, read);
        Assert.Equal("李伟", read.Report.Reporter.Name);
        Assert.Equal(DateTimeKind.Utc, read.ReceivedAtUtc.Kind);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_TrueThenFalseAndKeepsTheFirst()
    {
        // Arrange
        var first = CaseRecords.New(CaseRecords.NewId());
        var second = first with { ReceivedAtUtc = first.ReceivedAtUtc.AddSeconds(30) };

        // Act
        var added = await store.CreateAsync(first);
        var addedAgain = await store.CreateAsync(second);

        // Assert
        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(first, await store.GetAsync(first.Id));
    }

    [Fact]
    public async Task CreateAsync_AnyRecord_WritesStageAndDeadlineColumns()
    {
        // Arrange
        var record = CaseRecords.New(CaseRecords.NewId());

        // Act
        await store.CreateAsync(record);

        // Assert
        var entity = (await storage.Table("Cases").GetEntityAsync<TableEntity>(record.Id, "case")).Value;
        Assert.Equal("Received", entity.GetString("Stage"));
        Assert.Equal(record.MiitDeadlineUtc, entity.GetDateTimeOffset("MiitDeadlineUtc")!.Value.UtcDateTime);
        Assert.Equal(false, entity.GetBoolean("MiitSubmitted"));
        Assert.Equal(false, entity.GetBoolean("MiitBreached"));
    }

    [Fact]
    public async Task CreateAsync_DescriptionOf100000Chars_SplitsJsonAcrossPropertiesAndRoundTrips()
    {
        // Arrange
        var description = Description(100_000, "Heap overflow in the 管理接口 parser; ");
        var record = CaseRecords.New(CaseRecords.NewId(), description);

        // Act
        await store.CreateAsync(record);
        var read = await store.GetAsync(record.Id);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(description, read.Report.Description);
        var chunks = JsonProperties(await RawAsync(record.Id));
        Assert.True(chunks.Count > 1, $"expected the JSON in several properties, got {chunks.Count}");
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MaxCharsPerProperty));
    }

    [Fact]
    public async Task CreateAsync_ChineseDescriptionFillingTheIntakeLimit_RoundTrips()
    {
        // Arrange: 85,000 CJK characters are 255,000 bytes of UTF-8, just under the 256 KiB intake limit.
        var description = Description(85_000, "漏洞描述");
        var record = CaseRecords.New(CaseRecords.NewId(), description);

        // Act
        await store.CreateAsync(record);
        var read = await store.GetAsync(record.Id);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(description, read.Report.Description);
    }

    [Fact]
    public async Task CreateAsync_ChineseDescriptionFillingTheIntakeLimit_StoresTextUnescaped()
    {
        // Arrange: escaped as \uXXXX the description alone would take 510,000 characters.
        var description = Description(85_000, "漏洞描述");
        var record = CaseRecords.New(CaseRecords.NewId(), description);

        // Act
        await store.CreateAsync(record);

        // Assert
        var chunks = JsonProperties(await RawAsync(record.Id));
        var stored = string.Concat(chunks);
        Assert.True(stored.Length < 120_000, $"expected the JSON in under 120,000 characters, got {stored.Length}");
        Assert.Contains(description, stored, StringComparison.Ordinal);
        Assert.Contains("李伟", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stored, StringComparison.Ordinal);
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MaxCharsPerProperty));
        var read = await store.GetAsync(record.Id);
        Assert.Equal(record, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public async Task CreateAsync_EmojiDescriptionOverSeveralChunks_RoundTripsWithNoChunkEndingInHighSurrogate(string lead)
    {
        // Arrange: the lead shifts every pair by one character, so both offset parities meet
        // the chunk boundaries. (The serializer escapes characters beyond the BMP, so the
        // pair-splitting guard itself is pinned down directly in JsonChunksTests.)
        var description = lead + string.Concat(Enumerable.Repeat("😀", 40_000));
        var record = CaseRecords.New(CaseRecords.NewId(), description);

        // Act
        await store.CreateAsync(record);
        var read = await store.GetAsync(record.Id);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(description, read.Report.Description);
        Assert.Equal(record, read);
        var chunks = JsonProperties(await RawAsync(record.Id));
        Assert.True(chunks.Count > 1, $"expected the JSON in several properties, got {chunks.Count}");
        Assert.All(chunks, chunk => Assert.InRange(chunk.Length, 1, MaxCharsPerProperty));
        Assert.All(chunks, chunk => Assert.False(char.IsHighSurrogate(chunk[^1]), "a chunk ends in a high surrogate"));
        Assert.All(chunks, chunk => Assert.False(char.IsLowSurrogate(chunk[0]), "a chunk starts with a low surrogate"));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsFirstRecord()
    {
        // Arrange
        var id = CaseRecords.NewId();
        var first = CaseRecords.New(id, "第一次提交");
        var second = CaseRecords.New(id, "第二次提交") with { Stage = CaseStage.Assessed };
        await store.CreateAsync(first);

        // Act
        await store.CreateAsync(second);

        // Assert
        var read = await store.GetAsync(id);
        Assert.Equal(first, read);
    }

    [Fact]
    public async Task UpdateAsync_Change_IsStoredAndReturned()
    {
        // Arrange
        var record = CaseRecords.New(CaseRecords.NewId());
        await store.CreateAsync(record);
        var submittedAt = new DateTime(2025, 3, 5, 1, 0, 0, DateTimeKind.Utc);

        // Act
        var returned = await store.UpdateAsync(record.Id, r => r with { MiitSubmittedAtUtc = submittedAt, MiitReceiptId = "CNVD-回执-0001" });

        // Assert
        var read = await store.GetAsync(record.Id);
        Assert.Equal(returned, read);
        Assert.Equal(record with { MiitSubmittedAtUtc = submittedAt, MiitReceiptId = "CNVD-回执-0001" }, read);
        var entity = await RawAsync(record.Id);
        Assert.Equal(true, entity.GetBoolean("MiitSubmitted"));
    }

    [Fact]
    public async Task UpdateAsync_RecordPastTheEntityLimit_ThrowsAndKeepsTheStoredRecord()
    {
        // Arrange: 300,000 quotes are 600,000 characters of JSON, 1.2 MB in UTF-16: the store refuses them
        // itself, before storage would with an error of its own.
        var record = CaseRecords.New(CaseRecords.NewId());
        await store.CreateAsync(record);
        var tooLarge = new string('"', 300_000);

        // Act
        var update = store.UpdateAsync(record.Id, r => r with { Report = r.Report with { Description = tooLarge } });

        // Assert
        await Assert.ThrowsAsync<DurableVulns.Workflows.Ports.CaseRecordTooLargeException>(() => update);
        Assert.Equal(record, await store.GetAsync(record.Id));
    }

    [Fact]
    public async Task UpdateAsync_WithSpareTheResultWouldNotLeave_ThrowsAndKeepsTheStoredRecord()
    {
        // Arrange: 200,000 characters take about 400 KB stored (UTF-16), 400,000 about 800 KB; 400 KiB are to stay free.
        var record = CaseRecords.New(CaseRecords.NewId(), new string('x', 200_000));
        await store.CreateAsync(record);

        // Act
        var update = store.UpdateAsync(record.Id, r => r with { Report = r.Report with { Description = new string('x', 400_000) } }, 400 * 1024);

        // Assert
        await Assert.ThrowsAsync<DurableVulns.Workflows.Ports.CaseRecordTooLargeException>(() => update);
        Assert.Equal(record, await store.GetAsync(record.Id));
    }

    [Fact]
    public async Task UpdateAsync_WithSpareTheStoredRecordAlreadyDoesNotLeave_Applies()
    {
        // Arrange: the record stored already leaves less than 400 KiB free, as when a step that added
        // long texts is retried after a later small write took some of the room.
        var record = CaseRecords.New(CaseRecords.NewId(), new string('x', 400_000));
        await store.CreateAsync(record);

        // Act
        var updated = await store.UpdateAsync(record.Id, r => r with { MiitReceiptId = "NVDB-1" }, 400 * 1024);

        // Assert
        Assert.Equal(updated, await store.GetAsync(record.Id));
        Assert.Equal("NVDB-1", updated.MiitReceiptId);
    }

    [Theory]
    [InlineData(200_000, 0, true)]
    [InlineData(261_000, 0, true)]
    [InlineData(261_000, 64 * 1024, false)]
    [InlineData(263_000, 0, false)]
    public void Fits_QuotedDescription_ComparesItsStoredSizeWithTheLimit(int quotes, int spareBytes, bool expected)
    {
        // Arrange: each quote is two characters of JSON, four bytes; the rest of the record takes about 1.3 KB.
        var record = CaseRecords.New(CaseRecords.NewId(), new string('"', quotes));

        // Act
        var fits = store.Fits(record, spareBytes);

        // Assert
        Assert.Equal(expected, fits);
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsTheRecordItWasGiven_WritesNothing()
    {
        // Arrange
        var record = CaseRecords.New(CaseRecords.NewId());
        await store.CreateAsync(record);
        var before = await RawAsync(record.Id);

        // Act
        var returned = await store.UpdateAsync(record.Id, r => r);

        // Assert
        Assert.Equal(record, returned);
        Assert.Equal(before.ETag, (await RawAsync(record.Id)).ETag);
    }

    [Fact]
    public async Task UpdateAsync_LargeRecordShrinks_LeavesNoStaleChunks()
    {
        // Arrange
        var record = CaseRecords.New(CaseRecords.NewId(), Description(100_000, "long description "));
        await store.CreateAsync(record);

        // Act
        await store.UpdateAsync(record.Id, r => r with { Report = r.Report with { Description = "短" } });

        // Assert
        var read = await store.GetAsync(record.Id);
        Assert.Equal("短", read!.Report.Description);
        Assert.Single(JsonProperties(await RawAsync(record.Id)));
    }

    [Fact]
    public async Task UpdateAsync_TwoConcurrentChanges_BothLand()
    {
        // Arrange: each change waits until both have read the same version, so one write must
        // fail on the ETag and be reapplied to the other's result.
        var record = CaseRecords.New(CaseRecords.NewId());
        await store.CreateAsync(record);
        var otherStore = new TableCaseStore(new TableSet(storage.Options));
        using var bothRead = new Barrier(2);
        var calls = 0;
        var assessment = new Assessment("High", ["1.2.3", "1.2.4"], "命令注入", "远程执行任意命令", "所有 GW-100 设备");
        var submittedAt = new DateTime(2025, 3, 5, 1, 0, 0, DateTimeKind.Utc);
        CaseRecord Rendezvous(CaseRecord r, Func<CaseRecord, CaseRecord> change, ref int firstCall)
        {
            Interlocked.Increment(ref calls);
            if (Interlocked.Exchange(ref firstCall, 1) == 0) Assert.True(bothRead.SignalAndWait(TimeSpan.FromSeconds(30)));
            return change(r);
        }
        var assessFirst = 0;
        var submitFirst = 0;

        // Act
        await Task.WhenAll(
            Task.Run(() => store.UpdateAsync(record.Id, r => Rendezvous(r, x => x with { Assessment = assessment, Stage = CaseStage.Assessed }, ref assessFirst))),
            Task.Run(() => otherStore.UpdateAsync(record.Id, r => Rendezvous(r, x => x with { MiitSubmittedAtUtc = submittedAt, MiitReceiptId = "R-1" }, ref submitFirst))));

        // Assert
        var read = await store.GetAsync(record.Id);
        Assert.NotNull(read);
        Assert.Equal(CaseStage.Assessed, read.Stage);
        Assert.Equal(["1.2.3", "1.2.4"], read.Assessment!.AffectedVersions);
        Assert.Equal("远程执行任意命令", read.Assessment.Harm);
        Assert.Equal(submittedAt, read.MiitSubmittedAtUtc);
        Assert.Equal("R-1", read.MiitReceiptId);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task UpdateAsync_UnknownCase_ThrowsInvalidOperationException()
    {
        // Arrange
        var id = CaseRecords.NewId();

        // Act
        var act = () => store.UpdateAsync(id, r => r);

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(act);
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        // Arrange
        await store.CreateAsync(CaseRecords.New(CaseRecords.NewId()));

        // Act
        var read = await store.GetAsync(CaseRecords.NewId());

        // Assert
        Assert.Null(read);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("")]
    public async Task GetAsync_UnsafeId_ReturnsNull(string id)
    {
        // Arrange
        await store.CreateAsync(CaseRecords.New(CaseRecords.NewId()));

        // Act
        var read = await store.GetAsync(id);

        // Assert
        Assert.Null(read);
    }

    private static string Description(int length, string pattern)
    {
        var text = new StringBuilder(length + pattern.Length);
        while (text.Length < length) text.Append(pattern);
        return text.ToString(0, length);
    }

    private async Task<TableEntity> RawAsync(string id) =>
        (await storage.Table("Cases").GetEntityAsync<TableEntity>(id, "case")).Value;

    private static List<string> JsonProperties(TableEntity entity) =>
        [.. entity.Keys.Where(k => k.StartsWith("Json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => (string)entity[k])];
}
