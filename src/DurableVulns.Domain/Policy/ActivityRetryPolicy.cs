namespace DurableVulns.Domain.Policy;

/// <summary>
/// How a failed activity (a mail or storage outage) is retried: after <paramref name="FirstInterval"/>,
/// doubling up to <paramref name="MaxInterval"/> apart, for as long as it takes. A case never fails
/// for an outage: a failed case would stop its MIIT clock and leave owed mail unsent.
/// </summary>
public sealed record ActivityRetryPolicy(TimeSpan FirstInterval, TimeSpan MaxInterval)
{
    /// <summary>The first retry after a second, then at most five minutes apart.</summary>
    public static ActivityRetryPolicy Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
}
