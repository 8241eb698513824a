using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Api.Approvals;

/// <summary>Registers the approval pages: their handler, anti-forgery and the <see cref="ApprovalRateLimitPolicy"/>.</summary>
public static class ApprovalPagesServiceCollectionExtensions
{
    public static IServiceCollection AddDurableVulnsApprovalPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddAntiforgery();
        services.AddScoped<ApprovalPageHandler>();
        // Adds to whatever AddRateLimiter configured elsewhere (the intake policy, global OnRejected).
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, ApprovalRateLimitPolicy>(ApprovalRateLimitPolicy.Name));
        return services;
    }
}
