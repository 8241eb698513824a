using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>Lists need exact result sets, so every test here has a task hub of its own.</summary>
public sealed class TableCaseStoreListTests : IAsyncLifetime
{
    private static readonly DateTime Bound = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly StorageFixture storage = new();
    private readonly TableCaseStore store;

    public TableCaseStoreListTests() => store = new TableCaseStore(storage.Tables);

    public Task InitializeAsync() => storage.InitializeAsync();

    public Task DisposeAsync() => storage.DisposeAsync();

    [Fact]
    public async Task ListAsync_EmptyTable_ReturnsNoCases()
    {
        // Arrange
        await storage.Tables.GetAsync("Cases");

        // Act
        var listed = await store.ListAsync();

        // Assert
        Assert.Empty(listed);
    }

    [Fact]
    public async Task ListAsync_NoBound_ReturnsOpenCasesAndExcludesClosedOnes()
    {
        // Arrange: the closed case's deadline lies far ahead, so only the stage can exclude it.
        var received = await CreateAsync(CaseStage.Received, Bound.AddDays(-30));
        var assessed = await CreateAsync(CaseStage.Assessed, Bound);
        var patched = await CreateAsync(CaseStage.PatchReleased, Bound.AddDays(30));
        await CreateAsync(CaseStage.Closed, Bound.AddYears(10));

        // Act
        var listed = await store.ListAsync();

        // Assert
        Assert.Equal(Ids(received, assessed, patched), Ids([.. listed]));
        Assert.Equal(received, Assert.Single(listed, r => r.Id == received.Id));
    }

    [Fact]
    public async Task ListAsync_Bound_IncludesClosedCasesWithDeadlineSinceBoundAndNotOlderOnes()
    {
        // Arrange
        var openWithOldDeadline = await CreateAsync(CaseStage.Assessed, Bound.AddYears(-1));
        var closedAtBound = await CreateAsync(CaseStage.Closed, Bound);
        var closedAfterBound = await CreateAsync(CaseStage.Closed, Bound.AddDays(3));
        await CreateAsync(CaseStage.Closed, Bound.AddSeconds(-1));
        await CreateAsync(CaseStage.Closed, Bound.AddYears(-1));

        // Act
        var listed = await store.ListAsync(Bound);

        // Assert
        Assert.Equal(Ids(openWithOldDeadline, closedAtBound, closedAfterBound), Ids([.. listed]));
        Assert.Equal(closedAtBound, Assert.Single(listed, r => r.Id == closedAtBound.Id));
    }

    [Fact]
    public async Task ListAsync_MoreCasesThanOnePage_ReturnsEveryMatchingCase()
    {
        // Arrange: the service returns at most 1,000 entities per page. Every tenth case is closed,
        // half of those before the bound; the deadlines of the open ones straddle it.
        var open = new[] { CaseStage.Received, CaseStage.Assessed, CaseStage.PatchReleased };
        var records = Enumerable.Range(0, 1_100)
            .Select(i => CaseRecords.New(CaseRecords.NewId(), "短") with
            {
                Stage = i % 10 == 9 ? CaseStage.Closed : open[i % open.Length],
                MiitDeadlineUtc = Bound.AddHours(i / 10 % 2 == 0 ? i % 5 : -(i % 5) - 1),
            })
            .ToList();
        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (record, ct) => await store.CreateAsync(record, ct));
        var pages = 0;
        await foreach (var _ in storage.Table("Cases").QueryAsync<TableEntity>(select: ["RowKey"]).AsPages()) pages++;
        Assert.True(pages > 1, $"expected the cases on several pages, got {pages}");
        var expected = records.Where(r => r.Stage != CaseStage.Closed || r.MiitDeadlineUtc >= Bound).ToList();

        // Act
        var listed = await store.ListAsync(Bound);

        // Assert
        Assert.InRange(expected.Count, 1_001, records.Count - 1);
        Assert.Equal(Ids([.. expected]), Ids([.. listed]));
    }

    [Fact]
    public async Task ListReceivedAsync_StagesAndTimes_ReturnsReceivedOnesWithinTheBoundsBothIncluded()
    {
        // Arrange
        var atFrom = await CreateAsync(CaseStage.Received, Bound, receivedUtc: Bound);
        var inside = await CreateAsync(CaseStage.Received, Bound, receivedUtc: Bound.AddHours(1));
        var atTo = await CreateAsync(CaseStage.Received, Bound, receivedUtc: Bound.AddHours(2));
        await CreateAsync(CaseStage.Received, Bound, receivedUtc: Bound.AddSeconds(-1));
        await CreateAsync(CaseStage.Received, Bound, receivedUtc: Bound.AddHours(2).AddSeconds(1));
        await CreateAsync(CaseStage.Assessed, Bound, receivedUtc: Bound.AddHours(1));
        await CreateAsync(CaseStage.Closed, Bound, receivedUtc: Bound.AddHours(1));

        // Act
        var listed = await store.ListReceivedAsync(Bound, Bound.AddHours(2));

        // Assert
        Assert.Equal(Ids(atFrom, inside, atTo), listed.Order(StringComparer.Ordinal));
    }

    private async Task<CaseRecord> CreateAsync(CaseStage stage, DateTime deadlineUtc, DateTime? receivedUtc = null)
    {
        var record = CaseRecords.New(CaseRecords.NewId()) with { Stage = stage, MiitDeadlineUtc = deadlineUtc };
        if (receivedUtc is { } received) record = record with { ReceivedAtUtc = received };
        await store.CreateAsync(record);
        return record;
    }

    private static List<string> Ids(params CaseRecord[] records) => [.. records.Select(r => r.Id).Order(StringComparer.Ordinal)];
}
