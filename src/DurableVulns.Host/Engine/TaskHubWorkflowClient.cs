using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Host.Engine;

/// <summary>The workflow client of the standalone host, over DurableTask.Core's <see cref="TaskHubClient"/>.</summary>
public sealed class TaskHubWorkflowClient(TaskHubClient client) : IWorkflowClient
{
    // Any existing instance under the id, whatever its state, means "already started".
    private static readonly OrchestrationStatus[] AnyStatus = Enum.GetValues<OrchestrationStatus>();
    private static readonly OrchestrationStatus[] Finished =
        [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled];
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CreateOrchestrationInstanceAsync(orchestratorName, string.Empty, instanceId, input, null, AnyStatus);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A retried intake: the case's orchestration is already there.
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payload);

    public async Task<string?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await client.GetOrchestrationStateAsync(instanceId))?.OrchestrationStatus.ToString();

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason);

    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ((IOrchestrationServicePurgeClient)client.ServiceClient).PurgeInstanceStateAsync(instanceId);

    public async Task<int> PurgeFinishedAsync(DateTime createdBeforeUtc, CancellationToken cancellationToken = default) =>
        (await ((IOrchestrationServicePurgeClient)client.ServiceClient).PurgeInstanceStateAsync(
            new PurgeInstanceFilter(Epoch, createdBeforeUtc, Finished))).DeletedInstanceCount;
}
