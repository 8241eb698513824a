using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DurableVulns.Api.Approvals;

/// <summary>Maps the reviewers' approval pages, <c>/approvals/{token}</c>: anonymous (the token is the credential), rate-limited.</summary>
public static class ApprovalEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapDurableVulnsApprovals(this IEndpointRouteBuilder endpoints)
    {
        // The handler checks anti-forgery itself so that a failed check gets the bilingual 400
        // page; the framework's automatic check is turned off to leave that to it.
        var approvals = endpoints.MapGroup("/approvals")
            .RequireRateLimiting(ApprovalRateLimitPolicy.Name)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        approvals.MapGet("/{token}", (string token, HttpContext http, ApprovalPageHandler pages) => pages.ShowAsync(http, token));
        approvals.MapPost("/{token}", (string token, HttpContext http, ApprovalPageHandler pages) => pages.DecideAsync(http, token));
        return endpoints;
    }
}
