using System.Threading.RateLimiting;
using DurableVulns.Api.Approvals;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Api.Intake;
using DurableVulns.Api.Maintenance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Api;

/// <summary>Registers the API's handlers, problem details, the intake rate limit and the maintenance runs.</summary>
public static class ApiServiceCollectionExtensions
{
    public const string IntakeRateLimit = "intake";

    public static IServiceCollection AddDurableVulnsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddProblemDetails();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddScoped<ReportIntake>();
        services.AddScoped<ReportIntakeHandler>();
        services.AddScoped<CaseQueryHandler>();
        services.AddScoped<CaseActions>();
        services.AddScoped<CaseActionHandler>();
        services.AddScoped<RetentionRun>();
        services.AddScoped<IntakeRecoveryRun>();
        services.AddDurableVulnsApprovalPages();

        var permits = configuration.GetValue($"{ApiOptions.Section}:{nameof(ApiOptions.IntakePermitsPerMinute)}", new ApiOptions().IntakePermitsPerMinute);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Status(StatusCodes.Status429TooManyRequests, "Too many requests from this address; retry later.")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(IntakeRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
