using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>How our orchestrators call activities: with one retry policy.</summary>
public static class ActivityCalls
{
    // Storage or mail can fail for a while; an activity is retried rather than failing the case.
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    public static Task<TResult> CallWithRetryAsync<TResult>(this TaskOrchestrationContext context, string activity, object input) =>
        context.CallActivityAsync<TResult>(activity, input, Retry);

    public static Task<bool> CallWithRetryAsync(this TaskOrchestrationContext context, string activity, object input) =>
        context.CallActivityAsync<bool>(activity, input, Retry);
}
