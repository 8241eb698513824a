using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, IdempotencyClaim> claims = new();

    public Task<IdempotencyClaim> ClaimAsync(string key, IdempotencyClaim claim, CancellationToken cancellationToken = default) =>
        Task.FromResult(claims.GetOrAdd(key, claim));

    // The Functions app runs no retention; only the ASP.NET Core host purges.
    public Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The Functions app has no retention run.");
}
