using DurableVulns.Domain.Policy;
using DurableVulns.Workflows.Activities;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>How our orchestrators wait for a step of their clocks.</summary>
public static class ClockWaits
{
    /// <summary>
    /// A durable timer for <paramref name="dueAtUtc"/>; or, when <paramref name="shortRestInAStep"/> and
    /// less than <see cref="WaitUntilDueActivity.Longest"/> is left (the timer surfaced early, or the
    /// step is due soon), <see cref="WaitUntilDueActivity"/>, since a timer would surface at once.
    /// Either may end a little early: the caller checks the time again.
    /// </summary>
    public static Task WaitUntilAsync(this TaskOrchestrationContext context, DateTime dueAtUtc, ActivityRetryPolicy retry,
        bool shortRestInAStep, CancellationToken cancellation)
    {
        var rest = dueAtUtc - context.CurrentUtcDateTime;
        return shortRestInAStep && rest > TimeSpan.Zero && rest <= WaitUntilDueActivity.Longest
            ? context.CallWithRetryAsync(retry, nameof(WaitUntilDueActivity), dueAtUtc)
            : context.CreateTimer(dueAtUtc, cancellation);
    }
}
