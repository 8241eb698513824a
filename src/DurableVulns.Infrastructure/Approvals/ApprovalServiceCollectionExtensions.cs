using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>Registers approval links: options (<c>DurableVulns:Approvals</c>, <c>DurableVulns:Reviewers</c>), codec and store.</summary>
public static class ApprovalServiceCollectionExtensions
{
    public static IServiceCollection AddDurableVulnsApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApprovalOptions>, ApprovalOptionsValidator>());
        services.AddOptions<ReviewerOptions>().Bind(configuration.GetSection(ReviewerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReviewerOptions>, ReviewerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // One key per process: built once, so that an ephemeral key is not replaced behind the links it signed.
        services.TryAddSingleton(provider => new ApprovalTokenCodec(ApprovalSigningKey.Resolve(
            provider.GetRequiredService<IOptions<ApprovalOptions>>().Value,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApprovalSigningKey)))));
        services.TryAddSingleton<TableApprovalStore>();
        services.TryAddSingleton<IApprovalLinkIssuer>(provider => provider.GetRequiredService<TableApprovalStore>());
        services.TryAddSingleton<IApprovalTickets>(provider => provider.GetRequiredService<TableApprovalStore>());
        services.AddHostedService<ApprovalStartupCheck>();
        return services;
    }
}
