using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>
/// One review by MIIT and/or MPS reviewers, who decide through email approval links: every
/// role must approve; one rejection, or no decision by the timeout, ends it. Reminders and
/// escalations fire from the review's own clock. Started as a sub-orchestration of the case.
/// </summary>
public sealed class ReviewOrchestrator : TaskOrchestrator<ReviewInput, ReviewOutcome>
{
    public override async Task<ReviewOutcome> RunAsync(TaskOrchestrationContext context, ReviewInput input)
    {
        await context.CallWithRetryAsync<int>(input.Retry, nameof(RequestReviewsActivity), input);

        // The open timer is cancelled at the end (DurableTask.Core completes only when no timer is
        // open; a rest waited out in a step, ClockWaits, cannot be, and its answer is dropped). The
        // waits of roles that have not answered stay open through the close, to hear a decision
        // redeemed in the moment before it.
        using var cancellation = new CancellationTokenSource();
        var waits = input.Roles.ToDictionary(
            role => role,
            role => context.WaitForExternalEvent<ReviewDecision>(EventNames.Approval(role, input.ReviewId)));
        var clock = new Queue<ClockStep>(MiitClock.Ladder(input.RequestedAtUtc, input.Policy.Reminders, input.Policy.Escalations, input.Policy.ReviewTimeout));
        var decisions = new List<ReviewDecision>();
        Task? timer = null;
        var state = ReviewState.Pending;

        while (state == ReviewState.Pending)
        {
            timer ??= context.WaitUntilAsync(clock.Peek().DueAtUtc, input.Retry, input.Version >= ReportLifecycleInput.ShortWaitsInAStep, cancellation.Token);
            var next = await Task.WhenAny(waits.Values.Append(timer));
            if (next == timer)
            {
                timer = null;
                // A timer message may surface up to a second early; a step never fires before its time.
                if (context.CurrentUtcDateTime < clock.Peek().DueAtUtc) continue;
                var step = clock.Dequeue();
                if (step.Kind == ClockStepKind.Deadline) state = ReviewState.TimedOut;
                else await context.CallWithRetryAsync(input.Retry, nameof(SendReviewReminderActivity), new ReviewStepInput(input, step, [.. waits.Keys]));
                continue;
            }

            var role = waits.First(wait => wait.Value == next).Key;
            var decision = await waits[role];
            waits.Remove(role);
            decisions.Add(decision);
            await context.CallWithRetryAsync(input.Retry, nameof(RecordReviewDecisionActivity), new ReviewDecisionInput(input, decision));
            if (!decision.Approved) state = ReviewState.Rejected;
            else if (waits.Count == 0) state = ReviewState.Approved;
        }

        cancellation.Cancel();
        await context.CallWithRetryAsync(input.Retry, nameof(CloseReviewActivity), input.ReviewId);

        // The reviewer of such a decision was told it is recorded: the trail says it came too late to count.
        foreach (var (role, wait) in waits.Where(w => w.Value.IsCompletedSuccessfully))
        {
            var late = await wait;
            await context.CallWithRetryAsync(input.Retry, nameof(RecordRefusedActionActivity), new RefusedAction(
                input.CaseId, $"late-decision:{input.ReviewId}:{role}", late.Reviewer, $"The {role} decision ({(late.Approved ? "approve" : "reject")})",
                $"it came after the review had ended ({state}); it was not counted."));
        }
        return new ReviewOutcome(state, decisions);
    }
}
