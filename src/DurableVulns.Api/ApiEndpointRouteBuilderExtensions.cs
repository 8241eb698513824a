using DurableVulns.Api.Approvals;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Api.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DurableVulns.Api;

/// <summary>Maps the HTTP API: anonymous intake, and the PSIRT endpoints behind the API key.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapDurableVulnsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/reports");

        api.MapPost("", (HttpContext http, ReportIntakeHandler intake) => intake.HandleAsync(http))
            .RequireRateLimiting(ApiServiceCollectionExtensions.IntakeRateLimit)
            .DisableAntiforgery();

        var psirt = api.MapGroup("/{id}").AddEndpointFilter<ApiKeyFilter>().DisableAntiforgery();
        psirt.MapGet("", (string id, CaseQueryHandler cases, CancellationToken ct) => cases.StatusAsync(id, ct));
        psirt.MapGet("/miit-package", (string id, CaseQueryHandler cases, CancellationToken ct) => cases.MiitPackageAsync(id, ct));
        psirt.MapPost("/assessment", (string id, HttpRequest request, CaseActionHandler actions) => actions.AssessAsync(id, request));
        psirt.MapPost("/miit-submission", (string id, HttpRequest request, CaseActionHandler actions) => actions.SubmitToMiitAsync(id, request));
        psirt.MapPost("/patch", (string id, HttpRequest request, CaseActionHandler actions) => actions.ReleasePatchAsync(id, request));
        psirt.MapPost("/close", (string id, HttpRequest request, CaseActionHandler actions) => actions.CloseAsync(id, request));
        psirt.MapPost("/disclosure-requests", (string id, HttpRequest request, CaseActionHandler actions) => actions.RequestDisclosureAsync(id, request));
        psirt.MapPost("/publication", (string id, HttpRequest request, CaseActionHandler actions) => actions.PublishAsync(id, request));

        endpoints.MapDurableVulnsApprovals();
        return endpoints;
    }
}
