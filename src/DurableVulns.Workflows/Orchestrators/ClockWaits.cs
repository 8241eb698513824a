using DurableVulns.Domain.Policy;
using DurableVulns.Workflows.Activities;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>How our orchestrators wait for a step of their clocks.</summary>
public static class ClockWaits
{
    /// <summary>
    /// The longest rest waited out in a step rather than by a durable timer. Fixed from version 3: it
    /// decides which call a history holds, so changing it would break the replay of running cases.
    /// </summary>
    public static readonly TimeSpan LongestRestInAStep = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A durable timer for <paramref name="dueAtUtc"/>; or, when <paramref name="shortRestInAStep"/> and
    /// at most <see cref="LongestRestInAStep"/> is left (the timer surfaced early, or the step is due
    /// soon), <see cref="WaitUntilDueActivity"/>, since a timer would surface at once. Either may end a
    /// little early by the next episode's clock (the step waits by its worker's): the caller checks
    /// the time again. Only the timer can be cancelled; a step's late answer, after the orchestration
    /// ended, is dropped by the engine.
    /// </summary>
    public static Task WaitUntilAsync(this TaskOrchestrationContext context, DateTime dueAtUtc, ActivityRetryPolicy retry,
        bool shortRestInAStep, CancellationToken cancellation)
    {
        var rest = dueAtUtc - context.CurrentUtcDateTime;
        return shortRestInAStep && rest > TimeSpan.Zero && rest <= LongestRestInAStep
            ? context.CallWithRetryAsync(retry, nameof(WaitUntilDueActivity), dueAtUtc)
            : context.CreateTimer(dueAtUtc, cancellation);
    }
}
