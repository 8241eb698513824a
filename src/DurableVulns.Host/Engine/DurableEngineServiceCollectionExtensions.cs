using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace DurableVulns.Host.Engine;

/// <summary>Registers the in-process durable engine on the Azure Storage backend and its workflow client.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    public static IServiceCollection AddDurableEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DurableEngineOptions>(configuration.GetSection("DurableVulns:Engine"));
        services.PostConfigure<DurableEngineOptions>(options =>
        {
            if (configuration["AzureWebJobsStorage"] is { Length: > 0 } connection) options.ConnectionString = connection;
            if (configuration["DurableVulns:TaskHub"] is { Length: > 0 } hub) options.TaskHub = hub;
            if (configuration["DurableVulns:WorkerId"] is { Length: > 0 } worker) options.WorkerId = worker;
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
            return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
                TaskHubName = options.TaskHub,
                WorkerId = options.WorkerId,
                MaxQueuePollingInterval = options.MaxQueuePollingInterval,
                ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
                WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,
                LeaseInterval = options.LeaseInterval,
                PartitionCount = options.PartitionCount,
                MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentTaskActivityWorkItems,
                MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentTaskOrchestrationWorkItems,
                ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
                ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
                ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
                LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            });
        });
        services.AddSingleton(sp => new TaskHubClient(
            sp.GetRequiredService<AzureStorageOrchestrationService>(), new CoreJsonDataConverter(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IWorkflowClient, TaskHubWorkflowClient>();
        services.AddHostedService<DurableEngineService>();
        return services;
    }
}
