using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableVulns.Functions.Engine;

/// <summary>The Functions app's workflow client, over the Durable Functions <see cref="DurableTaskClient"/>.</summary>
public sealed class DurableTaskWorkflowClient(DurableTaskClient client) : IWorkflowClient
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    // Before any case: older Durable extensions fail on a filter without a start.
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        // Durable Functions restarts a finished instance scheduled again under its id; a retried
        // intake must leave a case's orchestration alone whatever its state, so look first.
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                orchestratorName, input, new StartOrchestrationOptions { InstanceId = instanceId }, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A concurrent start won the race. The backend says so in more than one way
            // (OrchestrationAlreadyExistsException, or an RpcException from the host), so ask again.
            if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is null) throw;
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public async Task<string?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken))?.RuntimeStatus.ToString();

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), cancellationToken);

    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        client.PurgeInstanceAsync(instanceId, options: null, cancellationToken);

    public async Task<int> PurgeFinishedAsync(DateTime createdBeforeUtc, CancellationToken cancellationToken = default)
    {
        var filter = new PurgeInstancesFilter(Epoch, new DateTimeOffset(createdBeforeUtc, TimeSpan.Zero), Finished);
        var purged = 0;
        PurgeResult result;
        // A backend may purge in portions (IsComplete false): ask again while it says it is not done
        // and still purges; one that makes no progress is left to the next day's run.
        do
        {
            result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
            purged += result.PurgedInstanceCount;
        }
        while (result.IsComplete == false && result.PurgedInstanceCount > 0);
        return purged;
    }
}
