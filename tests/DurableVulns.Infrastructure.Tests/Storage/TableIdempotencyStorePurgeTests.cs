using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>The retention run's purge of intake Idempotency-Keys, on a table of its own so that counts are exact.</summary>
public sealed class TableIdempotencyStorePurgeTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Fact]
    public async Task PurgeAsync_KeysClaimedBeforeTheCutoff_FreesThemAndKeepsLaterOnes()
    {
        // Arrange: one key claimed eight days before the other.
        var store = new TableIdempotencyStore(storage.Tables, time);
        var (oldKey, newKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await store.ClaimAsync(oldKey, new IdempotencyClaim("DV-2025-0001", "h1"));
        time.Advance(TimeSpan.FromDays(8));
        var kept = new IdempotencyClaim("DV-2025-0002", "h2");
        await store.ClaimAsync(newKey, kept);

        // Act
        var purged = await store.PurgeAsync(time.GetUtcNow().UtcDateTime.AddDays(-7));

        // Assert: the old key now claims a new case; the newer one still holds its own.
        Assert.Equal(1, purged);
        var reclaimed = new IdempotencyClaim("DV-2025-0003", "h3");
        Assert.Equal(reclaimed, await store.ClaimAsync(oldKey, reclaimed));
        Assert.Equal(kept, await store.ClaimAsync(newKey, new IdempotencyClaim("DV-2025-0004", "h4")));
    }
}
