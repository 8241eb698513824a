namespace DurableVulns.Workflows.Ports;

/// <summary>Maps an intake Idempotency-Key to the case it created.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="claim"/>. Returns the claim that holds
    /// the key: the given one when it was free, else the one stored first.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string key, IdempotencyClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Deletes the keys claimed before <paramref name="beforeUtc"/>; returns how many were deleted.</summary>
    Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default);
}
