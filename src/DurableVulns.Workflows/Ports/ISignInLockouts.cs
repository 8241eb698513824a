namespace DurableVulns.Workflows.Ports;

/// <summary>Failed console sign-ins in a row per account, kept in storage so that a restart or a second host does not reset them.</summary>
public interface ISignInLockouts
{
    /// <summary>The end of the account's lock-out, or null when it may try to sign in.</summary>
    Task<DateTime?> LockedUntilAsync(string account, DateTime nowUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts a failed sign-in. The <paramref name="maxFailures"/>-th failure in a row locks the account
    /// for <paramref name="lockout"/> and starts the count again; returns the lock-out's end, if any.
    /// </summary>
    Task<DateTime?> RecordFailureAsync(string account, DateTime nowUtc, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken = default);

    /// <summary>A successful sign-in: the count starts again.</summary>
    Task ResetAsync(string account, CancellationToken cancellationToken = default);
}
