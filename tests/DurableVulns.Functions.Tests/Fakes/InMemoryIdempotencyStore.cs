using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyClaim> claims = new();

    public Task<IdempotencyClaim> ClaimAsync(string key, IdempotencyClaim claim, CancellationToken cancellationToken = default) =>
        Task.FromResult(claims.GetOrAdd(key, claim));

    /// <summary>The cut-off of the last purge; rows keep no times here, so nothing is deleted.</summary>
    public DateTime? PurgedBeforeUtc { get; private set; }

    public Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        PurgedBeforeUtc = beforeUtc;
        return Task.FromResult(0);
    }
}
