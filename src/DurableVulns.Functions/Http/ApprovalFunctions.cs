using DurableVulns.Api.Approvals;
using DurableVulns.Functions.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableVulns.Functions.Http;

/// <summary>
/// The reviewers' approval pages, <c>/approvals/{token}</c> as on the standalone host (host.json sets no
/// route prefix, so the emailed <c>{PublicBaseUrl}/approvals/{token}</c> links work on either host).
/// Anonymous: the token is the credential. The shared handler checks the anti-forgery field itself.
/// </summary>
/// <remarks>
/// The standalone host's per-address rate limit on these pages is ASP.NET Core middleware, which the
/// Functions worker does not run; limit requests in front of the app (API Management, Front Door) instead.
/// </remarks>
public sealed class ApprovalFunctions(ApprovalPageHandler pages, InvocationWorkflowClient workflows)
{
    /// <summary>
    /// Shows what the link decides and records nothing (mail scanners fetch every link). It still gets
    /// the durable client: a link whose role's decision was recorded hands that decision to the review
    /// again, in case the visit that recorded it failed to.
    /// </summary>
    [Function(nameof(ShowApproval))]
    public Task<IResult> ShowApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client)
    {
        workflows.Use(client);
        return pages.ShowAsync(request.HttpContext, token);
    }

    /// <summary>The confirm page's post: redeems the token and raises the decision on the waiting review.</summary>
    [Function(nameof(DecideApproval))]
    public Task<IResult> DecideApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client)
    {
        workflows.Use(client);
        return pages.DecideAsync(request.HttpContext, token);
    }
}
