using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Cases;

/// <summary>
/// The PSIRT's actions, for the API and the console alike. Each is validated, checked against
/// the case as recorded, then sent to the orchestration, which applies it (the single writer of
/// a case). The call waits briefly to see it applied.
/// </summary>
public sealed class CaseActions(
    ICaseStore cases, IAuditLog audit, AuditWatch watch, IWorkflowClient workflows, PolicyProvider policies, IOptions<ApiOptions> options, TimeProvider time)
{
    public const int RetryAfterSeconds = 5;

    private static readonly ActionRefusal TooLarge = new(StatusCodes.Status413PayloadTooLarge, "The case would be too large to store.",
        "With this action's texts the case's record would pass the 1 MiB that storage holds for one case. Shorten the texts " +
        "(for example, link to a document instead of pasting it) and send it again; nothing was changed.");

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    // While the audit log announces the entry in this process, storage is only looked at now and
    // then, for an entry written by another host.
    private static readonly TimeSpan WatchedPoll = TimeSpan.FromSeconds(1);

    public Task<ActionOutcome> AssessAsync(string id, Assessment? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<Assessment>(EventNames.Assessment, AssessmentValidator.Validate, (record, _) => StageRefusal(record, CaseAction.Assess))
        {
            Applied = (record, assessment) => record with { Assessment = assessment },
        },
        cancellationToken);

    public Task<ActionOutcome> SubmitToMiitAsync(string id, MiitSubmission? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<MiitSubmission>(EventNames.MiitSubmission, MiitSubmissionValidator.Validate, (record, _) => StageRefusal(record, CaseAction.SubmitToMiit)), cancellationToken);

    public Task<ActionOutcome> ReleasePatchAsync(string id, PatchRelease? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<PatchRelease>(EventNames.PatchRelease, PatchValidator.Validate, (record, _) => StageRefusal(record, CaseAction.ReleasePatch))
        {
            Applied = (record, patch) => record with { Patch = patch },
        },
        cancellationToken);

    public Task<ActionOutcome> CloseAsync(string id, CloseRequest? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<CloseRequest>(EventNames.Close, CloseValidator.Validate, (record, _) =>
            StageRefusal(record, CaseAction.Close) ?? (record.ReviewPending ? ActionRefusal.Conflict("A review is under way on this case; close it after the review ends.") : null)),
        cancellationToken);

    /// <summary>Art. 9(1): asks MIIT and MPS to review a publication before the patch.</summary>
    public Task<ActionOutcome> RequestDisclosureAsync(string id, DisclosureRequest? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<DisclosureRequest>(EventNames.DisclosureRequest, DisclosureRequestValidator.Validate, (record, _) =>
            CaseRules.DisclosureRefusal(record.Stage, record.Disclosure?.State) is { } refusal ? ActionRefusal.Conflict(refusal)
            : record.ReviewPending ? ActionRefusal.Conflict("A review is under way on this case.")
            : null)
        {
            Applied = (record, request) => record with { Disclosure = new DisclosureRecord("", request, time.GetUtcNow().UtcDateTime, ReviewState.Pending) },
        },
        cancellationToken);

    /// <summary>
    /// Publishes an advisory through the Art. 9 gate. Inside a blackout window (Art. 9(6)) the
    /// publication is held for MPS consent (the entry's type is then <see cref="TimelineTypes.BlackoutHeld"/>).
    /// </summary>
    public Task<ActionOutcome> PublishAsync(string id, Advisory? body, string actor, CancellationToken cancellationToken) => RunAsync(id, body, actor,
        new CaseActionSpec<Advisory>(EventNames.Publication, AdvisoryValidator.Validate, (record, advisory) =>
            PublicationGate.Check(record, advisory, time.GetUtcNow()) is { } refusal
                ? new ActionRefusal(409, refusal.Article.Length == 0 ? "Publication refused." : $"Publication refused under {refusal.Article}.", refusal.Detail)
                : null)
        {
            Payload = advisory =>
            {
                var (policy, now) = (policies.Current, time.GetUtcNow());
                return new PublicationCommand(advisory, policy.BlackoutAt(now)?.Name, [.. (policy.Blackouts ?? []).Where(w => w.To > now)]);
            },
            Applied = (record, advisory) => record with { Publication = new PublicationRecord("", advisory, time.GetUtcNow().UtcDateTime) },
            // It may be held for MPS consent, whose step keeps a little more free.
            SpareBytes = CaseJournal.HeldPublicationSpareBytes,
        },
        cancellationToken);

    private async Task<ActionOutcome> RunAsync<TBody>(string id, TBody? body, string actor, CaseActionSpec<TBody> spec, CancellationToken cancellationToken)
    {
        var errors = spec.Validate(body);
        if (!errors.IsEmpty) return new ActionOutcome(ActionOutcomeKind.Invalid) { Errors = errors };

        var record = await cases.GetAsync(id, cancellationToken);
        if (record is null) return new ActionOutcome(ActionOutcomeKind.NotFound);
        if (spec.Check(record, body!) is { } refusal) return await RefusedAsync(id, spec.EventName, actor, refusal, cancellationToken);
        // Room is left for what later steps add (decisions, ids, held-up mail), as the steps keep it.
        if (spec.Applied is { } applied && !cases.Fits(applied(record, body!), spec.SpareBytes))
            return await RefusedAsync(id, spec.EventName, actor, TooLarge, cancellationToken);

        // An event raised before the backend has started the orchestration can be dropped
        // ("no such instance"), and the action would be lost behind a 202.
        var status = await WaitUntilStartedAsync(id, cancellationToken);
        if (status is null or "Pending") return new ActionOutcome(ActionOutcomeKind.NotRunning);
        if (status is not ("Running" or "Suspended"))
            return await RefusedAsync(id, spec.EventName, actor,
                ActionRefusal.Conflict($"The case's workflow has ended ({status}); it takes no more actions."), cancellationToken);

        var actionId = Guid.NewGuid().ToString("N");
        var payload = spec.Payload is null ? body! : spec.Payload(body!);
        // The event is a PsirtAction of the payload's own type, so the orchestration reads it typed.
        var action = Activator.CreateInstance(typeof(PsirtAction<>).MakeGenericType(payload.GetType()), actionId, actor, payload, (DateTime?)time.GetUtcNow().UtcDateTime)!;
        AuditEntry? entry = null;
        var written = watch.Watch(id, actionId);
        try
        {
            await workflows.RaiseEventAsync(id, spec.EventName, action, cancellationToken);
            // The entry as this process stored it saves a read; otherwise it is read from storage.
            async Task<bool> AppliedAsync() =>
                (entry = written is { IsCompletedSuccessfully: true, Result: { } stored } ? stored : await audit.FindAsync(id, actionId, cancellationToken)) is not null;
            if (!await PollAsync(AppliedAsync, cancellationToken, written))
            {
                // The workflow ended after this action's check (a close applied first): the backend
                // dropped the event, and "queued" would never come true.
                if (await workflows.GetStatusAsync(id, cancellationToken) is "Completed" or "Failed" or "Terminated" or "Canceled" && !await AppliedAsync())
                    return await RefusedAsync(id, spec.EventName, actor,
                        ActionRefusal.Conflict("The case's workflow ended before it applied this action; nothing was changed."), cancellationToken);
                if (entry is null) return new ActionOutcome(ActionOutcomeKind.Queued) { ActionId = actionId };
            }
        }
        finally
        {
            watch.Forget(id, actionId);
        }
        if (entry!.Type == TimelineTypes.ActionRefused) return Refused(ActionRefusal.Conflict(entry.Detail));
        return new ActionOutcome(ActionOutcomeKind.Applied)
        {
            ActionId = actionId,
            Entry = entry,
            Case = await cases.GetAsync(id, cancellationToken) ?? record,
        };
    }

    private static ActionOutcome Refused(ActionRefusal refusal) => new(ActionOutcomeKind.Refused) { Refusal = refusal };

    /// <summary>
    /// Records a refusal decided outside the orchestration (here, or by the console's roles) like one
    /// the orchestration decides: who tried what, and why not.
    /// </summary>
    public async Task<ActionOutcome> RefusedAsync(string id, string action, string actor, ActionRefusal refusal, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(id, new AuditEntry("refused-" + Guid.NewGuid().ToString("N"), time.GetUtcNow().UtcDateTime,
            TimelineTypes.ActionRefused, string.Empty, $"{action} refused: {refusal.Title} {refusal.Detail}", actor), cancellationToken);
        return Refused(refusal);
    }

    private static ActionRefusal? StageRefusal(CaseRecord record, CaseAction action)
    {
        if (CaseRules.Refusal(action, record.Stage, record.MiitSubmitted) is not { } refusal) return null;
        var missing = action == CaseAction.SubmitToMiit ? CaseViews.Package(record).MissingFields : [];
        return missing.Count > 0
            ? ActionRefusal.Conflict($"The MIIT package lacks: {string.Join(", ", missing)}.", new Dictionary<string, object?> { ["missingFields"] = missing })
            : ActionRefusal.Conflict(refusal);
    }

    private async Task<string?> WaitUntilStartedAsync(string id, CancellationToken cancellationToken)
    {
        string? status = null;
        await PollAsync(async () => (status = await workflows.GetStatusAsync(id, cancellationToken)) is not (null or "Pending"), cancellationToken);
        return status;
    }

    /// <summary>
    /// Asks <paramref name="done"/> until it says yes or <see cref="ApiOptions.ActionWait"/> has passed.
    /// Polls back off, so that waiting callers do not crowd out the storage the orchestration itself
    /// needs; with <paramref name="wake"/>, they ask again as soon as it completes and seldom otherwise.
    /// </summary>
    private async Task<bool> PollAsync(Func<Task<bool>> done, CancellationToken cancellationToken, Task? wake = null)
    {
        var deadline = time.GetUtcNow() + options.Value.ActionWait;
        var pause = wake is null ? FirstPoll : WatchedPoll;
        // With a wake, the thing awaited was only just asked for (an event just sent): a look at
        // storage now would find nothing, so the first look waits for the wake or a pause.
        var look = wake is null;
        while (true)
        {
            if (look && await done()) return true;
            look = true;
            if (time.GetUtcNow() >= deadline) return false;
            var delay = Task.Delay(pause, time, cancellationToken);
            if (wake is null)
            {
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPoll.Ticks));
                await delay;
            }
            else
            {
                // The wake counts once (even if it came before this wait began); after it, plain polls.
                await Task.WhenAny(delay, wake);
                if (wake.IsCompleted) wake = null;
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
