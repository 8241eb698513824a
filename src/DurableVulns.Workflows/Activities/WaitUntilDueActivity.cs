using DurableVulns.Workflows.Orchestrators;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Waits in the worker for the rest of a clock step's time, when that rest is at most
/// <see cref="ClockWaits.LongestRestInAStep"/>. The storage queue hides a timer message for whole
/// seconds, so a durable timer surfaces up to a second early, and a timer for a rest under a second
/// surfaces at once: the orchestrators that set one again and again spun through dozens of episodes
/// (four history rows each) until the time came. This step costs one episode, and holds a worker's
/// activity slot for the rest (a graceful stop waits for it).
/// </summary>
public sealed class WaitUntilDueActivity(TimeProvider time) : TaskActivity<TimeSpan, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, TimeSpan rest)
    {
        // The rest by the orchestration's clock, not this worker's, which may run ahead of it (a step
        // that ended at once here would be asked for again and again). Rounded up to whole
        // milliseconds, which is all Task.Delay waits, so that it never ends before it.
        var longest = ClockWaits.LongestRestInAStep.TotalMilliseconds;
        var wait = TimeSpan.FromMilliseconds(Math.Ceiling(Math.Min(rest.TotalMilliseconds, longest)));
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time);
        return true;
    }
}
