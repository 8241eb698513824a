using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableIdempotencyStoreTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly TableIdempotencyStore store = new(storage.Tables, new FakeTimeProvider(Now));

    [Fact]
    public async Task ClaimAsync_FreeKey_ReturnsGivenClaimAndStoresIt()
    {
        // Arrange
        var key = NewKey();
        var claim = new IdempotencyClaim("DV-2025-0001", "body-hash-1");

        // Act
        var holder = await store.ClaimAsync(key, claim);

        // Assert
        Assert.Equal(claim, holder);
        var hash = StorageKeys.Hash(key);
        var row = (await storage.Table("Idempotency").GetEntityAsync<TableEntity>(hash[..2], hash)).Value;
        Assert.Equal("DV-2025-0001", row.GetString("CaseId"));
        Assert.Equal(Now, row.GetDateTimeOffset("CreatedAtUtc"));
    }

    [Fact]
    public async Task ClaimAsync_SecondClaimWithOtherCaseId_ReturnsFirstClaim()
    {
        // Arrange
        var key = NewKey();
        var first = new IdempotencyClaim("DV-2025-0001", "body-hash-1");
        await store.ClaimAsync(key, first);

        // Act
        var holder = await store.ClaimAsync(key, new IdempotencyClaim("DV-2025-0002", "body-hash-2"));

        // Assert
        Assert.Equal(first, holder);
    }

    [Fact]
    public async Task ClaimAsync_OtherKey_IsIndependent()
    {
        // Arrange
        await store.ClaimAsync(NewKey(), new IdempotencyClaim("DV-2025-0001", "h1"));
        var claim = new IdempotencyClaim("DV-2025-0002", "h2");

        // Act
        var holder = await store.ClaimAsync(NewKey(), claim);

        // Assert
        Assert.Equal(claim, holder);
    }

    [Fact]
    public async Task ClaimAsync_ConcurrentClaimsFromSeparateProcesses_AllReturnTheSameStoredClaim()
    {
        // Arrange: each claimant has its own table set, as separate hosts would.
        var key = NewKey();
        var claims = Enumerable.Range(1, 8).Select(i => new IdempotencyClaim($"DV-2025-{i:D4}", $"hash-{i}")).ToList();
        var claimants = claims.Select(_ => new TableIdempotencyStore(new TableSet(storage.Options), TimeProvider.System)).ToList();
        using var start = new Barrier(claims.Count);

        // Act
        var holders = await Task.WhenAll(claims.Select((claim, i) => Task.Run(() =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            return claimants[i].ClaimAsync(key, claim);
        })));

        // Assert
        var winner = Assert.Single(holders.Distinct());
        Assert.Contains(winner, claims);
        Assert.Equal(winner, await store.ClaimAsync(key, new IdempotencyClaim("DV-2025-9999", "late")));
    }

    [Fact]
    public async Task ClaimAsync_KeyWithUnsafeCharacters_IsClaimedOnce()
    {
        // Arrange
        var key = NewKey() + "/客户端#1?";
        var first = new IdempotencyClaim("DV-2025-0001", "h1");

        // Act
        var firstHolder = await store.ClaimAsync(key, first);
        var secondHolder = await store.ClaimAsync(key, new IdempotencyClaim("DV-2025-0002", "h2"));

        // Assert
        Assert.Equal(first, firstHolder);
        Assert.Equal(first, secondHolder);
    }

    private static string NewKey() => Guid.NewGuid().ToString();
}
