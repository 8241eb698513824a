using DurableVulns.Api;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Functions.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableVulns.Functions.Http;

/// <summary>
/// The PSIRT endpoints under <c>/api/reports/{id}</c> (the routes spell out <c>api/</c>: host.json sets
/// no route prefix, so that the approval pages sit at <c>/approvals</c> as on the standalone host), behind the same <c>X-Api-Key</c> check as the
/// standalone host. The functions are anonymous to the platform: the key is the only credential
/// PSIRT clients send to either host.
/// </summary>
public sealed class CaseFunctions(CaseQueryHandler queries, CaseActionHandler actions, InvocationWorkflowClient workflows, IOptions<ApiOptions> options)
{
    [Function(nameof(GetCase))]
    public Task<IResult> GetCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{id}")] HttpRequest request, string id) =>
        Authorized(request, () => queries.StatusAsync(id, request.HttpContext.RequestAborted));

    [Function(nameof(GetMiitPackage))]
    public Task<IResult> GetMiitPackage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{id}/miit-package")] HttpRequest request, string id) =>
        Authorized(request, () => queries.MiitPackageAsync(id, request.HttpContext.RequestAborted));

    [Function(nameof(AssessCase))]
    public Task<IResult> AssessCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/assessment")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.AssessAsync(id, request));

    [Function(nameof(SubmitToMiit))]
    public Task<IResult> SubmitToMiit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/miit-submission")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.SubmitToMiitAsync(id, request));

    [Function(nameof(ReleasePatch))]
    public Task<IResult> ReleasePatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/patch")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.ReleasePatchAsync(id, request));

    [Function(nameof(CloseCase))]
    public Task<IResult> CloseCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/close")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.CloseAsync(id, request));

    [Function(nameof(RequestDisclosure))]
    public Task<IResult> RequestDisclosure(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/disclosure-requests")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.RequestDisclosureAsync(id, request));

    [Function(nameof(PublishAdvisory))]
    public Task<IResult> PublishAdvisory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports/{id}/publication")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client) =>
        Authorized(request, client, () => actions.PublishAsync(id, request));

    private Task<IResult> Authorized(HttpRequest request, Func<Task<IResult>> handle) =>
        ApiKeyFilter.Authorize(request.HttpContext, options.Value) is { } denied ? Task.FromResult(denied) : handle();

    private Task<IResult> Authorized(HttpRequest request, DurableTaskClient client, Func<Task<IResult>> handle) =>
        Authorized(request, () =>
        {
            workflows.Use(client);
            return handle();
        });
}
