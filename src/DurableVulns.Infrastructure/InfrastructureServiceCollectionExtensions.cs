using DurableVulns.Infrastructure.Approvals;
using DurableVulns.Infrastructure.Mail;
using DurableVulns.Infrastructure.Storage;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure;

/// <summary>
/// Wires the adapters from the configuration contract both hosts share:
/// <c>AzureWebJobsStorage</c>, <c>DurableVulns:TaskHub</c>, <c>DurableVulns:Psirt</c>, <c>DurableVulns:Mail</c>.
/// </summary>
public static class InfrastructureServiceCollectionExtensions
{
    public const string DefaultTaskHub = "DurableVulns";

    public static IServiceCollection AddDurableVulnsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Configure<IHostEnvironment>((options, environment) =>
            {
                // Azurite only on a developer's machine. Elsewhere a missing connection string would
                // leave the workflows running (an identity-based AzureWebJobsStorage__accountName serves
                // the Functions engine) while every call to our tables failed.
                options.ConnectionString = configuration["AzureWebJobsStorage"] is { Length: > 0 } connection ? connection
                    : environment.IsDevelopment() ? "UseDevelopmentStorage=true" : "";
                options.TaskHub = configuration["DurableVulns:TaskHub"] is { Length: > 0 } hub ? hub : DefaultTaskHub;
            })
            .Validate(options => options.ConnectionString.Length > 0,
                "AzureWebJobsStorage must be set outside Development, to a storage connection string (our tables do not read identity-based settings such as AzureWebJobsStorage__accountName).")
            .ValidateOnStart();
        services.AddOptions<PsirtOptions>().Bind(configuration.GetSection(PsirtOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PsirtOptions>, PsirtOptionsValidator>());
        services.AddSingleton<TableSet>();
        services.AddSingleton<ICaseStore, TableCaseStore>();
        services.AddSingleton<AuditWatch>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IIntakeLog, TableIntakeLog>();
        services.AddSingleton<ISentMailLog, TableSentMailLog>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<ITrackingLinks, TableTrackingLinks>();
        services.AddSingleton<ISignInLockouts, TableSignInLockouts>();
        services.AddDurableVulnsMail(configuration);
        services.AddDurableVulnsApprovals(configuration);
        return services;
    }
}
