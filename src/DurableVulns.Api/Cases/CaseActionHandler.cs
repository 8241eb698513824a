using DurableVulns.Api.Http;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Cases;

/// <summary>
/// The PSIRT's actions. Each is validated, checked against the case's stage (409 when the
/// stage does not allow it), then sent to the orchestration, which applies it. The answer
/// waits briefly to see it applied: 200 with the new status, or 202 if it is still queued.
/// </summary>
public sealed class CaseActionHandler(ICaseStore cases, IAuditLog audit, IWorkflowClient workflows, IOptions<ApiOptions> options, TimeProvider time)
{
    public const string PsirtActor = "psirt-api";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public Task<IResult> AssessAsync(string id, HttpRequest request) =>
        ActAsync<Assessment>(id, request, CaseAction.Assess, EventNames.Assessment, AssessmentValidator.Validate);

    public Task<IResult> SubmitToMiitAsync(string id, HttpRequest request) =>
        ActAsync<MiitSubmission>(id, request, CaseAction.SubmitToMiit, EventNames.MiitSubmission, MiitSubmissionValidator.Validate);

    public Task<IResult> ReleasePatchAsync(string id, HttpRequest request) =>
        ActAsync<PatchRelease>(id, request, CaseAction.ReleasePatch, EventNames.PatchRelease, PatchValidator.Validate);

    public async Task<IResult> CloseAsync(string id, HttpRequest request)
    {
        // The close body is optional: an empty one closes without a reason.
        if (request.ContentLength is null or 0 && !request.Headers.TransferEncoding.Any())
            return await ApplyAsync(id, request, CaseAction.Close, EventNames.Close, new CloseRequest(null));
        return await ActAsync<CloseRequest>(id, request, CaseAction.Close, EventNames.Close, CloseValidator.Validate);
    }

    private async Task<IResult> ActAsync<TBody>(string id, HttpRequest request, CaseAction action, string eventName, Func<TBody?, FieldErrors> validate)
    {
        var body = await JsonBodyReader.ReadAsync<TBody>(request, request.HttpContext.RequestAborted);
        if (!body.Succeeded) return body.Problem!;
        var errors = validate(body.Value);
        if (!errors.IsEmpty) return Problems.Validation(errors);
        return await ApplyAsync(id, request, action, eventName, body.Value!);
    }

    private async Task<IResult> ApplyAsync<TBody>(string id, HttpRequest request, CaseAction action, string eventName, TBody body)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var record = await cases.GetAsync(id, cancellationToken);
        if (record is null) return Problems.NotFound(id);

        if (CaseRules.Refusal(action, record.Stage, record.MiitSubmitted) is { } refusal)
        {
            var missing = action == CaseAction.SubmitToMiit ? CaseViews.Package(record).MissingFields : [];
            return missing.Count > 0
                ? Problems.Conflict($"The MIIT package lacks: {string.Join(", ", missing)}.", new Dictionary<string, object?> { ["missingFields"] = missing })
                : Problems.Conflict(refusal);
        }

        var actionId = Guid.NewGuid().ToString("N");
        await workflows.RaiseEventAsync(id, eventName, new PsirtAction<TBody>(actionId, PsirtActor, body), cancellationToken);

        var applied = await WaitForAuditAsync(id, actionId, cancellationToken);
        if (applied is null)
            return Results.Json(new { id, actionId, status = "Queued" }, statusCode: StatusCodes.Status202Accepted).WithLocation($"/api/reports/{id}");
        if (applied.Type == TimelineTypes.ActionRefused) return Problems.Conflict(applied.Detail);

        var updated = await cases.GetAsync(id, cancellationToken) ?? record;
        return Results.Json(CaseViews.Status(updated, await audit.ReadAsync(id, cancellationToken)));
    }

    // The orchestration writes an audit entry keyed by the action id when it applies (or refuses) the action.
    private async Task<AuditEntry?> WaitForAuditAsync(string id, string actionId, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.ActionWait;
        while (true)
        {
            if (await audit.FindAsync(id, actionId, cancellationToken) is { } entry) return entry;
            if (time.GetUtcNow() >= deadline) return null;
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
