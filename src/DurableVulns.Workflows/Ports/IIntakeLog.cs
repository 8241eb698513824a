namespace DurableVulns.Workflows.Ports;

/// <summary>The Art. 5 intake log: every attempt, accepted or rejected, kept for the policy's retention.</summary>
public interface IIntakeLog
{
    Task RecordAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>The attempts logged on the UTC day of <paramref name="dayUtc"/>, oldest first.</summary>
    Task<IReadOnlyList<IntakeAttempt>> ReadDayAsync(DateOnly dayUtc, CancellationToken cancellationToken = default);

    /// <summary>Deletes days older than <paramref name="retention"/>; refuses a retention under six months.</summary>
    Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken = default);
}
