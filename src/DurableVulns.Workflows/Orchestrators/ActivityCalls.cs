using DurableVulns.Domain.Policy;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>How our orchestrators call activities: retried on the policy's intervals, without a limit.</summary>
public static class ActivityCalls
{
    // No cap on attempts: after a last failed attempt the orchestration would fail, and a failed
    // case stops its MIIT clock and never sends the mail it owes. An outage delays a step instead,
    // for as long as it lasts; each attempt adds a few events to the history.
    private const int UnlimitedAttempts = int.MaxValue;

    public static Task<TResult> CallWithRetryAsync<TResult>(this TaskOrchestrationContext context, ActivityRetryPolicy retry, string activity, object input) =>
        context.CallActivityAsync<TResult>(activity, input, Options(retry));

    public static Task<bool> CallWithRetryAsync(this TaskOrchestrationContext context, ActivityRetryPolicy retry, string activity, object input) =>
        context.CallActivityAsync<bool>(activity, input, Options(retry));

    private static TaskOptions Options(ActivityRetryPolicy retry) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: UnlimitedAttempts, firstRetryInterval: retry.FirstInterval, backoffCoefficient: 2, maxRetryInterval: retry.MaxInterval));
}
