using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableVulns.Workflows;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace DurableVulns.Host.Engine;

/// <summary>
/// Runs our workflow classes on DurableTask.Core's <see cref="TaskHubWorker"/> over the Azure
/// Storage backend, bridged by the public <see cref="DurableTaskShimFactory"/>.
/// </summary>
public sealed class DurableEngineService(
    AzureStorageOrchestrationService service,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : IHostedService
{
    private TaskHubWorker? worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations([.. WorkflowRegistry.Orchestrators.Select(t => new OrchestratorCreator(shims, services, t))]);
        worker.AddTaskActivities([.. WorkflowRegistry.Activities.Select(t => new ActivityCreator(shims, services, t))]);
        await worker.StartAsync();
    }

    // Finishes the work items in flight, but never longer than the host's shutdown timeout: a
    // work item cut off is redelivered to the next worker once its queue message reappears.
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is null) return;
        try
        {
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout passed; the process exits and the backend redelivers.
        }
    }
}
