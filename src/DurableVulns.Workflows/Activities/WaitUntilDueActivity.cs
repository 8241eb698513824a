using DurableVulns.Workflows.Orchestrators;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Waits in the worker until a clock step is due, when at most <see cref="ClockWaits.LongestRestInAStep"/>
/// is left. The storage queue hides a timer message for whole seconds, so a durable timer surfaces up
/// to a second early, and a timer for a rest under a second surfaces at once: the orchestrators that
/// set one again and again spun through dozens of episodes (four history rows each) until the time
/// came. This step costs one episode, and holds a worker's activity slot until the due time (a
/// graceful stop waits for it).
/// </summary>
public sealed class WaitUntilDueActivity(TimeProvider time) : TaskActivity<DateTime, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DateTime dueAtUtc)
    {
        // By this worker's clock, so that a step that waited for a free slot waits no longer than it
        // must (a rest counted from the start held slots and made steps late under load). A worker
        // whose clock runs ahead ends it early; the orchestrator asks again, for at most that second.
        // Rounded up to whole milliseconds, which is all Task.Delay waits.
        var rest = Math.Min((dueAtUtc - time.GetUtcNow().UtcDateTime).TotalMilliseconds, ClockWaits.LongestRestInAStep.TotalMilliseconds);
        if (rest > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(rest)), time);
        return true;
    }
}
