using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Orchestrators;

/// <summary>
/// One report's life: acknowledge, notify upstream (Art. 7(1)), run the MIIT clock (Art. 7(2))
/// while the PSIRT assesses, submits and patches (Art. 7(3)); hold the embargo, with early
/// disclosure only on MIIT and MPS approval (Art. 9(1)); publish through the gate, waiting for
/// MPS consent in a blackout (Art. 9(6)); close. The clock's timer, the PSIRT's events and a
/// running review are raced in one loop, so reminders fire with nobody acting and an action is
/// taken as soon as it arrives. From <see cref="ReportLifecycleInput.MailBesideTheLoop"/>, steps
/// whose work is mail run in a queue of their own beside that loop, so that a mail outage (they
/// are retried until it ends) does not hold the clock or the PSIRT's actions behind them; only a
/// publication and the close wait for the queue. From <see cref="ReportLifecycleInput.PublicationBesideTheLoop"/>,
/// the publication waits beside the loop too; only the close waits for it.
/// </summary>
public sealed class ReportLifecycleOrchestrator : TaskOrchestrator<ReportLifecycleInput, CaseStage>
{
    public override Task<CaseStage> RunAsync(TaskOrchestrationContext context, ReportLifecycleInput input) =>
        new CaseRun(context, input).RunAsync();

    /// <summary>One execution's state; rebuilt from history on every replay.</summary>
    private sealed class CaseRun(TaskOrchestrationContext context, ReportLifecycleInput input)
    {
        private readonly string caseId = input.CaseId;
        private readonly Queue<ClockStep> clock = new(MiitClock.Steps(input.ReceivedAtUtc, input.Policy.MiitSubmission));
        private CaseStage stage = CaseStage.Received;
        private bool miitSubmitted;
        private bool published;
        private ReviewState? disclosure;
        private Task? timer;
        private CancellationTokenSource? timerCancellation;
        private Task<ReviewOutcome>? review;
        private ReviewInput? reviewInput;
        private PsirtAction<PublicationCommand>? heldPublication;
        private Task mailQueue = Task.CompletedTask;
        private Task<bool>? advisory;
        private PublishInput? advisoryInput;

        private Task<PsirtAction<Assessment>> assessment = null!;
        private Task<PsirtAction<MiitSubmission>> submission = null!;
        private Task<PsirtAction<PatchRelease>> patch = null!;
        private Task<PsirtAction<CloseRequest>> close = null!;
        private Task<PsirtAction<DisclosureRequest>> disclosureRequest = null!;
        private Task<PsirtAction<PublicationCommand>> publication = null!;

        public async Task<CaseStage> RunAsync()
        {
            await SendAsync(nameof(AcknowledgeReporterActivity), caseId);
            if (input.HasUpstreamComponent)
                await SendAsync(nameof(NotifyUpstreamProviderActivity), caseId);

            assessment = Wait<Assessment>(EventNames.Assessment);
            submission = Wait<MiitSubmission>(EventNames.MiitSubmission);
            patch = Wait<PatchRelease>(EventNames.PatchRelease);
            close = Wait<CloseRequest>(EventNames.Close);
            disclosureRequest = Wait<DisclosureRequest>(EventNames.DisclosureRequest);
            publication = Wait<PublicationCommand>(EventNames.Publication);

            while (stage != CaseStage.Closed)
            {
                if (timer is null && !miitSubmitted && clock.Count > 0)
                {
                    timerCancellation = new CancellationTokenSource();
                    timer = context.WaitUntilAsync(clock.Peek().DueAtUtc, input.Policy.Retry,
                        input.Version >= ReportLifecycleInput.ShortWaitsInAStep, timerCancellation.Token);
                }

                // A close asked for while the advisory waits is taken after it, as when the advisory held
                // the loop. (Older versions never have one waiting: their list is as it was.)
                List<Task> waits = [assessment, submission, patch, .. advisory is null ? [close] : Array.Empty<Task>(), disclosureRequest, publication];
                if (timer is not null) waits.Add(timer);
                if (review is not null) waits.Add(review);
                if (advisory is not null) waits.Add(advisory);
                var next = await Task.WhenAny(waits);

                if (next == timer) await OnClockAsync();
                else if (next == review) await OnReviewEndedAsync();
                else if (next == advisory) await OnAdvisoryDoneAsync();
                else if (next == assessment) await OnAssessmentAsync();
                else if (next == submission) await OnSubmissionAsync();
                else if (next == patch) await OnPatchAsync();
                else if (next == disclosureRequest) await OnDisclosureRequestAsync();
                else if (next == publication) await OnPublicationAsync();
                else await OnCloseAsync();
            }
            await RefuseActionsArrivedWhileClosingAsync();
            return CaseStage.Closed;
        }

        // An action that arrived while the case closed (say, a publication queued beside the close)
        // would end with the workflow unread, its caller told only "queued": each gets its refusal.
        // More may arrive during a refusal step, so look again until none has.
        private async Task RefuseActionsArrivedWhileClosingAsync()
        {
            while (await RefuseArrivedAsync(assessment, () => assessment = Wait<Assessment>(EventNames.Assessment), nameof(CaseAction.Assess))
                || await RefuseArrivedAsync(submission, () => submission = Wait<MiitSubmission>(EventNames.MiitSubmission), nameof(CaseAction.SubmitToMiit))
                || await RefuseArrivedAsync(patch, () => patch = Wait<PatchRelease>(EventNames.PatchRelease), nameof(CaseAction.ReleasePatch))
                || await RefuseArrivedAsync(close, () => close = Wait<CloseRequest>(EventNames.Close), nameof(CaseAction.Close))
                || await RefuseArrivedAsync(disclosureRequest, () => disclosureRequest = Wait<DisclosureRequest>(EventNames.DisclosureRequest), "RequestDisclosure")
                || await RefuseArrivedAsync(publication, () => publication = Wait<PublicationCommand>(EventNames.Publication), "Publish"))
            {
            }
        }

        private async Task<bool> RefuseArrivedAsync<TBody>(Task<PsirtAction<TBody>> arrived, Action waitAgain, string kind)
        {
            if (!arrived.IsCompletedSuccessfully) return false;
            waitAgain();
            return await RecordRefusalAsync(await arrived, kind, "The case was closed before this action was applied.");
        }

        private async Task OnClockAsync()
        {
            timer = null;
            // The storage queue hides a timer message in whole seconds, so it can surface a
            // little early; a clock step must never fire before its time, so wait out the rest
            // (from ShortWaitsInAStep, in one step: ClockWaits.WaitUntilAsync).
            if (context.CurrentUtcDateTime < clock.Peek().DueAtUtc) return;
            var step = clock.Dequeue();
            var stepInput = new ClockStepInput(caseId, step);
            if (step.Kind != ClockStepKind.Deadline) await SendAsync(nameof(SendMiitClockAlertActivity), stepInput);
            else if (input.Version < ReportLifecycleInput.MailBesideTheLoop) await CallAsync(nameof(RecordMiitBreachActivity), stepInput);
            // The breach is recorded in turn, so that a submission applied after it finds it (and
            // withdraws it if accepted in time); only its escalation mail goes beside the loop.
            else if (await CallAsync(nameof(RecordMiitDeadlineMissedActivity), stepInput)) await SendAsync(nameof(SendMiitBreachEscalationActivity), stepInput);
        }

        private async Task OnAssessmentAsync()
        {
            var action = await assessment;
            assessment = Wait<Assessment>(EventNames.Assessment);
            if (await RefusedAsync(action, CaseAction.Assess)) return;
            // False: the step refused it (the record would not fit in storage). Older histories hold true.
            if (!await CallAsync(nameof(RecordAssessmentActivity), new CaseActionInput<Assessment>(caseId, action))) return;
            stage = CaseStage.Assessed;
            // Art. 7(1): a component the verification found. Assessments without one (all of those
            // sent before it was added) make no call, so older histories replay unchanged.
            if (action.Body.UpstreamComponent is not null)
                await SendAsync(nameof(NotifyAssessedUpstreamActivity), new CaseActionInput<Assessment>(caseId, action));
        }

        private async Task OnSubmissionAsync()
        {
            var action = await submission;
            submission = Wait<MiitSubmission>(EventNames.MiitSubmission);
            if (await RefusedAsync(action, CaseAction.SubmitToMiit)) return;
            await CallAsync(nameof(RecordMiitSubmissionActivity), new CaseActionInput<MiitSubmission>(caseId, action));
            miitSubmitted = true;
            // DurableTask.Core completes an orchestration only when no durable timer is open, so
            // the clock's pending timer is cancelled, not left behind (a rest waited out in a step,
            // ClockWaits, cannot be; its answer is dropped).
            timerCancellation?.Cancel();
            timer = null;
            await CloseIfDoneAsync();
        }

        private async Task OnPatchAsync()
        {
            var action = await patch;
            patch = Wait<PatchRelease>(EventNames.PatchRelease);
            if (await RefusedAsync(action, CaseAction.ReleasePatch)) return;
            var release = new CaseActionInput<PatchRelease>(caseId, action);
            if (input.Version < ReportLifecycleInput.MailBesideTheLoop)
            {
                if (!await CallAsync(nameof(ReleasePatchActivity), release)) return;
            }
            else
            {
                if (!await CallAsync(nameof(RecordPatchReleaseActivity), release)) return;
                await SendAsync(nameof(SendAffectedUserNoticeActivity), release);
            }
            stage = CaseStage.PatchReleased;
            await CloseIfDoneAsync();
        }

        private async Task OnCloseAsync()
        {
            var action = await close;
            close = Wait<CloseRequest>(EventNames.Close);
            if (await RefusedAsync(action, CaseAction.Close)) return;
            await CloseAsync(new CaseActionInput<CloseRequest>(caseId, action));
        }

        private async Task OnDisclosureRequestAsync()
        {
            var action = await disclosureRequest;
            disclosureRequest = Wait<DisclosureRequest>(EventNames.DisclosureRequest);
            var refusal = CaseRules.DisclosureRefusal(stage, disclosure) ?? (review is null ? null : "A review is under way on this case.");
            if (await RecordRefusalAsync(action, "RequestDisclosure", refusal)) return;
            if (!await CallAsync(nameof(RecordDisclosureRequestActivity), new CaseActionInput<DisclosureRequest>(caseId, action))) return;
            disclosure = ReviewState.Pending;
            StartReview(action.ActionId, ReviewKind.EarlyDisclosure, [ReviewerRole.MIIT, ReviewerRole.MPS]);
        }

        private async Task OnPublicationAsync()
        {
            var action = await publication;
            publication = Wait<PublicationCommand>(EventNames.Publication);
            string? refusal =
                published ? "The advisory has already been published." :
                advisory is not null ? "A publication is already under way." :
                heldPublication is not null ? "A publication is already waiting for MPS consent." :
                stage is CaseStage.Received or CaseStage.Assessed && disclosure != ReviewState.Approved
                    ? $"{Articles.Embargo}: the embargo holds until the patch is released." : null;
            if (await RecordRefusalAsync(action, "Publish", refusal)) return;

            // A window that began while the publication waited for the workflow (a backlog, a
            // failover) holds it as one it was requested in would be.
            if (action.Body.WindowBegunAt(context.CurrentUtcDateTime) is { } begun)
                action = action with { Body = action.Body with { Blackout = begun } };
            if (action.Body.Blackout is not null && review is null)
            {
                await HoldAsync(action);
                return;
            }
            if (action.Body.Blackout is not null)
            {
                await RecordRefusalAsync(action, "Publish", "A review is under way on this case; publish after it ends.");
                return;
            }
            await PublishAsync(new PublishInput(caseId, action.ActionId, action));
        }

        private async Task OnReviewEndedAsync()
        {
            var outcome = await review!;
            var ended = reviewInput!;
            review = null;
            reviewInput = null;
            if (ended.Kind == ReviewKind.EarlyDisclosure)
            {
                await CallAsync(nameof(RecordDisclosureOutcomeActivity), new ReviewOutcomeInput(ended, outcome));
                disclosure = outcome.State;
                await CloseIfDoneAsync();
                return;
            }
            await CallAsync(nameof(RecordConsentOutcomeActivity), new ReviewOutcomeInput(ended, outcome));
            var held = heldPublication!;
            heldPublication = null;
            if (outcome.State == ReviewState.Approved) await PublishAsync(new PublishInput(caseId, "published", held));
        }

        // The advisory is mail too: it goes after the case's queued messages, so that affected users
        // hear of the fix (Art. 7(3)) before the public does, as they did before the queue. From
        // PublicationBesideTheLoop it waits for them beside the loop, which goes on meanwhile.
        private async Task PublishAsync(PublishInput publish)
        {
            if (input.Version >= ReportLifecycleInput.PublicationBesideTheLoop)
            {
                advisoryInput = publish;
                advisory = AfterAsync(mailQueue, nameof(PublishAdvisoryActivity), publish);
                // Mail asked for meanwhile (a clock alert, say) goes after it, in the order asked for.
                mailQueue = advisory;
                return;
            }
            await mailQueue;
            await OnAdvisoryAsync(publish, await CallAsync(nameof(PublishAdvisoryActivity), publish));
        }

        private async Task OnAdvisoryDoneAsync()
        {
            var publish = advisoryInput!;
            var sent = await advisory!;
            advisory = null;
            advisoryInput = null;
            await OnAdvisoryAsync(publish, sent);
        }

        private async Task OnAdvisoryAsync(PublishInput publish, bool sent)
        {
            // False: a window began before the advisory went out (the step waited for a worker or
            // retried through an outage). Only commands with a calendar get it, so no older history.
            // The step's clock decides, not this one: held either way, never a loop of steps.
            if (!sent)
            {
                // A publication held for a window never meets a new one (WindowBegunAt): false there is
                // the step's refusal, the record being too large, and already on the trail.
                if (publish.Action.Body.Blackout is not null) return;
                var begun = publish.Action.Body.NearestWindowAt(context.CurrentUtcDateTime);
                var action = publish.Action with { Body = publish.Action.Body with { Blackout = begun } };
                if (review is null) await HoldAsync(action);
                else await RecordRefusalAsync(action, "Publish", $"The national event '{begun}' began before the advisory went out, while a review is under way; publish after it ends.");
                return;
            }
            published = true;
            await CloseIfDoneAsync();
        }

        // Art. 9(6): the publication waits for MPS consent.
        private async Task HoldAsync(PsirtAction<PublicationCommand> action)
        {
            if (!await CallAsync(nameof(HoldPublicationActivity), new CaseActionInput<PublicationCommand>(caseId, action))) return;
            heldPublication = action;
            StartReview(action.ActionId, ReviewKind.BlackoutConsent, [ReviewerRole.MPS]);
        }

        // Published, patched and submitted to MIIT: nothing is left to do, so the case closes itself.
        private Task CloseIfDoneAsync() => published && stage == CaseStage.PatchReleased && miitSubmitted && review is null
            ? CloseAsync(new CaseActionInput<CloseRequest>(caseId,
                new PsirtAction<CloseRequest>("closed", CaseJournal.SystemActor, new CloseRequest("Published and patched."))))
            : Task.CompletedTask;

        private async Task CloseAsync(CaseActionInput<CloseRequest> closing)
        {
            // A closed case sends nothing more, and its workflow ends: every message it owes goes first.
            await mailQueue;
            await CallAsync(nameof(CloseCaseActivity), closing);
            timerCancellation?.Cancel();
            stage = CaseStage.Closed;
        }

        private void StartReview(string reviewId, ReviewKind kind, IReadOnlyList<ReviewerRole> roles)
        {
            reviewInput = new ReviewInput(caseId, reviewId, kind, roles, context.CurrentUtcDateTime, input.Policy.Review, input.Policy.Retry, input.Version);
            review = context.CallSubOrchestratorAsync<ReviewOutcome>(nameof(ReviewOrchestrator), reviewInput,
                new SubOrchestrationOptions { InstanceId = ReviewInput.InstanceIdFor(caseId, reviewId) });
        }

        private Task<bool> CallAsync(string activity, object activityInput) => context.CallWithRetryAsync(input.Policy.Retry, activity, activityInput);

        // A mail step: awaited in turn by cases of older versions; queued beside the loop from MailBesideTheLoop.
        private Task SendAsync(string activity, object activityInput)
        {
            if (input.Version < ReportLifecycleInput.MailBesideTheLoop) return CallAsync(activity, activityInput);
            mailQueue = AfterAsync(mailQueue, activity, activityInput);
            return Task.CompletedTask;
        }

        // The mail steps run one at a time, in the order the case asked for them, so that its messages
        // go out in that order, after an outage too (the reporter's acknowledgement first).
        private async Task<bool> AfterAsync(Task previous, string activity, object activityInput)
        {
            await previous;
            return await CallAsync(activity, activityInput);
        }

        private Task<PsirtAction<TBody>> Wait<TBody>(string eventName) => context.WaitForExternalEvent<PsirtAction<TBody>>(eventName);

        // The API checks the same rules before it raises the event; this catches the action that
        // lost a race with another one, and records why it was not applied.
        private Task<bool> RefusedAsync<TBody>(PsirtAction<TBody> action, CaseAction kind)
        {
            var refusal = CaseRules.Refusal(kind, stage, miitSubmitted)
                ?? (kind == CaseAction.Close && review is not null ? "A review is under way on this case; close it after the review ends." : null);
            return RecordRefusalAsync(action, kind.ToString(), refusal);
        }

        private async Task<bool> RecordRefusalAsync<TBody>(PsirtAction<TBody> action, string kind, string? refusal)
        {
            if (refusal is null) return false;
            await CallAsync(nameof(RecordRefusedActionActivity), new RefusedAction(caseId, action.ActionId, action.Actor, kind, refusal));
            return true;
        }
    }
}
