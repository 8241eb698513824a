using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Waits in the worker for the rest of a clock step's time, when that rest is under
/// <see cref="Longest"/>. The storage queue hides a timer message for whole seconds, so a durable
/// timer surfaces up to a second early, and a timer for a rest under a second surfaces at once: the
/// orchestrators that set one again and again spun through dozens of episodes (four history rows
/// each) until the time came. This step costs one episode, and holds a worker slot for the rest.
/// </summary>
public sealed class WaitUntilDueActivity(TimeProvider time) : TaskActivity<DateTime, bool>
{
    /// <summary>The longest rest waited out here; a longer one is a durable timer's.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(1);

    public override async Task<bool> RunAsync(TaskActivityContext context, DateTime dueAtUtc)
    {
        var rest = dueAtUtc - time.GetUtcNow().UtcDateTime;
        if (rest > TimeSpan.Zero) await Task.Delay(rest < Longest ? rest : Longest, time);
        return true;
    }
}
