using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemoryIntakeLog : IIntakeLog
{
    public ConcurrentQueue<IntakeAttempt> Attempts { get; } = new();

    public Task RecordAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default)
    {
        Attempts.Enqueue(attempt);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IntakeAttempt>> ReadDayAsync(DateOnly dayUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<IntakeAttempt>>([.. Attempts.Where(a => DateOnly.FromDateTime(a.AtUtc) == dayUtc)]);

    /// <summary>The retention of the last purge; nothing is deleted here.</summary>
    public TimeSpan? PurgedRetention { get; private set; }

    public Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        PurgedRetention = retention;
        return Task.FromResult(0);
    }
}
