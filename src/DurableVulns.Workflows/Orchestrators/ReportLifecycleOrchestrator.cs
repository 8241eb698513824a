using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>
/// One report's life: acknowledge, notify upstream (Art. 7(1)), run the MIIT clock
/// (Art. 7(2)) while the PSIRT assesses, submits and patches (Art. 7(3)), then close.
/// The clock's timers and the PSIRT's events are raced in one loop, so reminders fire
/// with nobody acting and an action is taken as soon as it arrives.
/// </summary>
public sealed class ReportLifecycleOrchestrator : TaskOrchestrator<ReportLifecycleInput, CaseStage>
{
    public override async Task<CaseStage> RunAsync(TaskOrchestrationContext context, ReportLifecycleInput input)
    {
        var caseId = input.CaseId;
        await Call(context, nameof(AcknowledgeReporterActivity), caseId);
        if (input.HasUpstreamComponent)
            await Call(context, nameof(NotifyUpstreamProviderActivity), caseId);

        var stage = CaseStage.Received;
        var miitSubmitted = false;
        var clock = new Queue<MiitClockStep>(MiitClock.Steps(input.ReceivedAtUtc, input.Policy.MiitSubmission));
        Task? timer = null;
        CancellationTokenSource? timerCancellation = null;

        var assessment = context.WaitForExternalEvent<PsirtAction<Assessment>>(EventNames.Assessment);
        var submission = context.WaitForExternalEvent<PsirtAction<MiitSubmission>>(EventNames.MiitSubmission);
        var patch = context.WaitForExternalEvent<PsirtAction<PatchRelease>>(EventNames.PatchRelease);
        var close = context.WaitForExternalEvent<PsirtAction<CloseRequest>>(EventNames.Close);

        while (true)
        {
            if (timer is null && !miitSubmitted && clock.Count > 0)
            {
                timerCancellation = new CancellationTokenSource();
                timer = context.CreateTimer(clock.Peek().DueAtUtc, timerCancellation.Token);
            }

            Task[] waits = timer is null ? [assessment, submission, patch, close] : [assessment, submission, patch, close, timer];
            var next = await Task.WhenAny(waits);

            if (next == timer)
            {
                timer = null;
                // The storage queue hides a timer message in whole seconds, so it can surface a
                // little early; a clock step must never fire before its time, so wait out the rest.
                if (context.CurrentUtcDateTime < clock.Peek().DueAtUtc) continue;
                var step = clock.Dequeue();
                var activity = step.Kind == MiitClockStepKind.Deadline
                    ? nameof(RecordMiitBreachActivity)
                    : nameof(SendMiitClockAlertActivity);
                await Call(context, activity, new ClockStepInput(caseId, step));
            }
            else if (next == assessment)
            {
                var action = await assessment;
                assessment = context.WaitForExternalEvent<PsirtAction<Assessment>>(EventNames.Assessment);
                if (await Refused(context, caseId, action, CaseAction.Assess, stage, miitSubmitted)) continue;
                await Call(context, nameof(RecordAssessmentActivity), new CaseActionInput<Assessment>(caseId, action));
                stage = CaseStage.Assessed;
            }
            else if (next == submission)
            {
                var action = await submission;
                submission = context.WaitForExternalEvent<PsirtAction<MiitSubmission>>(EventNames.MiitSubmission);
                if (await Refused(context, caseId, action, CaseAction.SubmitToMiit, stage, miitSubmitted)) continue;
                await Call(context, nameof(RecordMiitSubmissionActivity), new CaseActionInput<MiitSubmission>(caseId, action));
                miitSubmitted = true;
                StopClock(ref timer, timerCancellation);
            }
            else if (next == patch)
            {
                var action = await patch;
                patch = context.WaitForExternalEvent<PsirtAction<PatchRelease>>(EventNames.PatchRelease);
                if (await Refused(context, caseId, action, CaseAction.ReleasePatch, stage, miitSubmitted)) continue;
                await Call(context, nameof(ReleasePatchActivity), new CaseActionInput<PatchRelease>(caseId, action));
                stage = CaseStage.PatchReleased;
                await Call(context, nameof(NotifyAffectedUsersActivity), caseId);
            }
            else
            {
                var action = await close;
                close = context.WaitForExternalEvent<PsirtAction<CloseRequest>>(EventNames.Close);
                if (await Refused(context, caseId, action, CaseAction.Close, stage, miitSubmitted)) continue;
                await Call(context, nameof(CloseCaseActivity), new CaseActionInput<CloseRequest>(caseId, action));
                StopClock(ref timer, timerCancellation);
                return CaseStage.Closed;
            }
        }
    }

    // DurableTask.Core completes an orchestration only when no durable timer is open, so a
    // clock timer that will not be needed is cancelled, not left behind.
    private static void StopClock(ref Task? timer, CancellationTokenSource? timerCancellation)
    {
        timerCancellation?.Cancel();
        timer = null;
    }

    // Storage or mail can fail for a while; an activity is retried rather than failing the case.
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(5)));

    private static Task<bool> Call(TaskOrchestrationContext context, string activity, object input) =>
        context.CallActivityAsync<bool>(activity, input, ActivityRetry);

    // The API checks the same rule before it raises the event; this catches the action that
    // lost a race with another one, and records why it was not applied.
    private static async Task<bool> Refused<TBody>(
        TaskOrchestrationContext context, string caseId, PsirtAction<TBody> action, CaseAction kind, CaseStage stage, bool miitSubmitted)
    {
        var reason = CaseRules.Refusal(kind, stage, miitSubmitted);
        if (reason is null) return false;
        await Call(context, nameof(RecordRefusedActionActivity),
            new RefusedAction(caseId, action.ActionId, action.Actor, kind.ToString(), reason));
        return true;
    }
}
