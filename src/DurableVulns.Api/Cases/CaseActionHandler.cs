using DurableVulns.Api.Http;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Cases;

/// <summary>
/// The PSIRT actions over HTTP: reads the JSON body, runs the action through <see cref="CaseActions"/>
/// and answers 200 with the new status once applied, 202 if it is still queued.
/// </summary>
public sealed class CaseActionHandler(CaseActions actions, IAuditLog audit)
{
    public const string PsirtActor = "psirt-api";

    public Task<IResult> AssessAsync(string id, HttpRequest request) =>
        HandleAsync<Assessment>(id, request, (body, ct) => actions.AssessAsync(id, body, PsirtActor, ct));

    public Task<IResult> SubmitToMiitAsync(string id, HttpRequest request) =>
        HandleAsync<MiitSubmission>(id, request, (body, ct) => actions.SubmitToMiitAsync(id, body, PsirtActor, ct));

    public Task<IResult> ReleasePatchAsync(string id, HttpRequest request) =>
        HandleAsync<PatchRelease>(id, request, (body, ct) => actions.ReleasePatchAsync(id, body, PsirtActor, ct));

    public async Task<IResult> CloseAsync(string id, HttpRequest request)
    {
        // The close body is optional: an empty one closes without a reason.
        if (request.ContentLength is null or 0 && request.Headers.TransferEncoding.Count == 0)
            return await AnswerAsync(id, await actions.CloseAsync(id, new CloseRequest(null), PsirtActor, request.HttpContext.RequestAborted));
        return await HandleAsync<CloseRequest>(id, request, (body, ct) => actions.CloseAsync(id, body, PsirtActor, ct));
    }

    /// <summary>Art. 9(1): answers 202 with the request id once the review has started.</summary>
    public Task<IResult> RequestDisclosureAsync(string id, HttpRequest request) =>
        HandleAsync<DisclosureRequest>(id, request, (body, ct) => actions.RequestDisclosureAsync(id, body, PsirtActor, ct),
            outcome => Results.Json(new { requestId = outcome.ActionId }, statusCode: StatusCodes.Status202Accepted).WithLocation($"/api/reports/{id}"));

    /// <summary>200 when published; 202 when held for MPS consent in a blackout window (Art. 9(6)).</summary>
    public Task<IResult> PublishAsync(string id, HttpRequest request) =>
        HandleAsync<Advisory>(id, request, (body, ct) => actions.PublishAsync(id, body, PsirtActor, ct));

    private async Task<IResult> HandleAsync<TBody>(
        string id, HttpRequest request, Func<TBody?, CancellationToken, Task<ActionOutcome>> act, Func<ActionOutcome, IResult>? answer = null)
    {
        var body = await JsonBodyReader.ReadAsync<TBody>(request, request.HttpContext.RequestAborted);
        if (!body.Succeeded) return body.Problem!;
        return await AnswerAsync(id, await act(body.Value, request.HttpContext.RequestAborted), answer);
    }

    private async Task<IResult> AnswerAsync(string id, ActionOutcome outcome, Func<ActionOutcome, IResult>? answer = null) => outcome.Kind switch
    {
        ActionOutcomeKind.Invalid => Problems.Validation(outcome.Errors!),
        ActionOutcomeKind.NotFound => Problems.NotFound(id),
        ActionOutcomeKind.Refused => Problems.Refused(outcome.Refusal!),
        ActionOutcomeKind.NotRunning => Problems.Status(StatusCodes.Status503ServiceUnavailable, "The case's workflow has not started yet.",
            "Nothing was changed; send the action again in a few seconds.").WithRetryAfter(CaseActions.RetryAfterSeconds),
        ActionOutcomeKind.Queued => Results.Json(new { id, outcome.ActionId, status = "Queued" }, statusCode: StatusCodes.Status202Accepted)
            .WithLocation($"/api/reports/{id}"),
        _ => answer?.Invoke(outcome) ?? Results.Json(CaseViews.Status(outcome.Case!, await audit.ReadAsync(id)),
            statusCode: outcome.Entry!.Type == TimelineTypes.BlackoutHeld ? StatusCodes.Status202Accepted : StatusCodes.Status200OK),
    };
}
