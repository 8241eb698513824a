using DurableVulns.Api.Http;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Cases;

/// <summary>
/// The PSIRT's actions. Each is validated, checked against the case as recorded (409 when the
/// case does not allow it), then sent to the orchestration, which applies it. The answer waits
/// briefly to see it applied: 200 with the new status, or 202 if it is still queued.
/// </summary>
public sealed class CaseActionHandler(
    ICaseStore cases, IAuditLog audit, IWorkflowClient workflows, PolicyProvider policies, IOptions<ApiOptions> options, TimeProvider time)
{
    public const string PsirtActor = "psirt-api";
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);
    private const int RetryAfterSeconds = 5;

    public Task<IResult> AssessAsync(string id, HttpRequest request) => ActAsync(id, request,
        new CaseActionSpec<Assessment>(EventNames.Assessment, AssessmentValidator.Validate, (record, _) => StageProblem(record, CaseAction.Assess)));

    public Task<IResult> SubmitToMiitAsync(string id, HttpRequest request) => ActAsync(id, request,
        new CaseActionSpec<MiitSubmission>(EventNames.MiitSubmission, MiitSubmissionValidator.Validate, (record, _) => StageProblem(record, CaseAction.SubmitToMiit)));

    public Task<IResult> ReleasePatchAsync(string id, HttpRequest request) => ActAsync(id, request,
        new CaseActionSpec<PatchRelease>(EventNames.PatchRelease, PatchValidator.Validate, (record, _) => StageProblem(record, CaseAction.ReleasePatch)));

    public Task<IResult> CloseAsync(string id, HttpRequest request)
    {
        var spec = new CaseActionSpec<CloseRequest>(EventNames.Close, CloseValidator.Validate, (record, _) =>
            StageProblem(record, CaseAction.Close) ?? (ReviewPending(record) ? Problems.Conflict("A review is under way on this case; close it after the review ends.") : null));
        // The close body is optional: an empty one closes without a reason.
        return request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0
            ? ApplyAsync(id, request, spec, new CloseRequest(null))
            : ActAsync(id, request, spec);
    }

    /// <summary>Art. 9(1): asks MIIT and MPS to review a publication before the patch; answers 202 with the request id.</summary>
    public Task<IResult> RequestDisclosureAsync(string id, HttpRequest request) => ActAsync(id, request,
        new CaseActionSpec<DisclosureRequest>(EventNames.DisclosureRequest, DisclosureRequestValidator.Validate, (record, _) =>
            CaseRules.DisclosureRefusal(record.Stage, record.Disclosure?.State) is { } refusal ? Problems.Conflict(refusal)
            : ReviewPending(record) ? Problems.Conflict("A review is under way on this case.")
            : null)
        {
            Answer = (_, actionId) => Results.Json(new { requestId = actionId }, statusCode: StatusCodes.Status202Accepted).WithLocation($"/api/reports/{id}"),
        });

    /// <summary>
    /// Publishes an advisory through the Art. 9 gate. Inside a blackout window (Art. 9(6)) the
    /// publication is held for MPS consent, and the answer is 202.
    /// </summary>
    public Task<IResult> PublishAsync(string id, HttpRequest request) => ActAsync(id, request,
        new CaseActionSpec<Advisory>(EventNames.Publication, AdvisoryValidator.Validate, (record, advisory) =>
            PublicationGate.Check(record, advisory) is { } refusal
                ? Problems.Status(StatusCodes.Status409Conflict,
                    refusal.Article.Length == 0 ? "Publication refused." : $"Publication refused under {refusal.Article}.", refusal.Detail)
                : null)
        {
            Payload = advisory => new PublicationCommand(advisory, policies.Current.BlackoutAt(time.GetUtcNow())?.Name),
            StatusCode = entry => entry.Type == TimelineTypes.BlackoutHeld ? StatusCodes.Status202Accepted : StatusCodes.Status200OK,
        });

    private async Task<IResult> ActAsync<TBody>(string id, HttpRequest request, CaseActionSpec<TBody> spec)
    {
        var body = await JsonBodyReader.ReadAsync<TBody>(request, request.HttpContext.RequestAborted);
        if (!body.Succeeded) return body.Problem!;
        var errors = spec.Validate(body.Value);
        if (!errors.IsEmpty) return Problems.Validation(errors);
        return await ApplyAsync(id, request, spec, body.Value!);
    }

    private async Task<IResult> ApplyAsync<TBody>(string id, HttpRequest request, CaseActionSpec<TBody> spec, TBody body)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var record = await cases.GetAsync(id, cancellationToken);
        if (record is null) return Problems.NotFound(id);
        if (spec.Check(record, body) is { } problem) return problem;

        // An event raised before the backend has started the orchestration can be dropped
        // ("no such instance"), and the action would be lost behind a 202.
        if (await WaitUntilRunningAsync(id, cancellationToken) is { } notRunning) return notRunning;

        var actionId = Guid.NewGuid().ToString("N");
        var payload = spec.Payload is null ? body! : spec.Payload(body);
        // The event is a PsirtAction of the payload's own type, so the orchestration reads it typed.
        var action = Activator.CreateInstance(typeof(PsirtAction<>).MakeGenericType(payload.GetType()), actionId, PsirtActor, payload)!;
        await workflows.RaiseEventAsync(id, spec.EventName, action, cancellationToken);

        var applied = await WaitForAuditAsync(id, actionId, cancellationToken);
        if (applied is null)
            return Results.Json(new { id, actionId, status = "Queued" }, statusCode: StatusCodes.Status202Accepted).WithLocation($"/api/reports/{id}");
        if (applied.Type == TimelineTypes.ActionRefused) return Problems.Conflict(applied.Detail);
        if (spec.Answer is not null) return spec.Answer(applied, actionId);

        var updated = await cases.GetAsync(id, cancellationToken) ?? record;
        return Results.Json(CaseViews.Status(updated, await audit.ReadAsync(id, cancellationToken)),
            statusCode: spec.StatusCode?.Invoke(applied) ?? StatusCodes.Status200OK);
    }

    private static IResult? StageProblem(CaseRecord record, CaseAction action)
    {
        if (CaseRules.Refusal(action, record.Stage, record.MiitSubmitted) is not { } refusal) return null;
        var missing = action == CaseAction.SubmitToMiit ? CaseViews.Package(record).MissingFields : [];
        return missing.Count > 0
            ? Problems.Conflict($"The MIIT package lacks: {string.Join(", ", missing)}.", new Dictionary<string, object?> { ["missingFields"] = missing })
            : Problems.Conflict(refusal);
    }

    private static bool ReviewPending(CaseRecord record) =>
        record.Disclosure?.State == ReviewState.Pending || record.Publication?.Consent == ReviewState.Pending;

    private async Task<IResult?> WaitUntilRunningAsync(string id, CancellationToken cancellationToken)
    {
        string? status = null;
        var running = await PollAsync(async () =>
        {
            status = await workflows.GetStatusAsync(id, cancellationToken);
            return status is not (null or "Pending");
        }, cancellationToken);
        if (!running)
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "The case's workflow has not started yet.",
                "Nothing was changed; send the action again in a few seconds.").WithRetryAfter(RetryAfterSeconds);
        return status is "Running" or "Suspended"
            ? null
            : Problems.Conflict($"The case's workflow has ended ({status}); it takes no more actions.");
    }

    // The orchestration writes an audit entry keyed by the action id when it applies (or refuses)
    // the action. Polls back off, so that waiting callers do not crowd out the storage the
    // orchestration itself needs.
    private async Task<AuditEntry?> WaitForAuditAsync(string id, string actionId, CancellationToken cancellationToken)
    {
        AuditEntry? entry = null;
        await PollAsync(async () => (entry = await audit.FindAsync(id, actionId, cancellationToken)) is not null, cancellationToken);
        return entry;
    }

    /// <summary>Asks <paramref name="done"/> until it says yes or <see cref="ApiOptions.ActionWait"/> has passed.</summary>
    private async Task<bool> PollAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.ActionWait;
        var pause = FirstPoll;
        while (true)
        {
            if (await done()) return true;
            if (time.GetUtcNow() >= deadline) return false;
            await Task.Delay(pause, time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPoll.Ticks));
        }
    }
}
