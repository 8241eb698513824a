using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask.Client;

namespace DurableVulns.Functions.Engine;

/// <summary>
/// The <see cref="IWorkflowClient"/> of one function invocation (a scoped service). Durable
/// Functions hands a trigger its <see cref="DurableTaskClient"/> through the <c>[DurableClient]</c>
/// binding, not through DI, so the trigger passes it here before it calls the shared API handler,
/// which takes its workflow client from DI exactly as in the standalone host.
/// </summary>
public sealed class InvocationWorkflowClient : IWorkflowClient
{
    private DurableTaskWorkflowClient? inner;

    public void Use(DurableTaskClient client) => inner = new DurableTaskWorkflowClient(client);

    public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) =>
        Inner.StartAsync(orchestratorName, instanceId, input, cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default) =>
        Inner.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    public Task<string?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Inner.GetStatusAsync(instanceId, cancellationToken);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) =>
        Inner.TerminateAsync(instanceId, reason, cancellationToken);

    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Inner.PurgeAsync(instanceId, cancellationToken);

    public Task<int> PurgeFinishedAsync(DateTime createdBeforeUtc, CancellationToken cancellationToken = default) =>
        Inner.PurgeFinishedAsync(createdBeforeUtc, cancellationToken);

    private DurableTaskWorkflowClient Inner => inner ?? throw new InvalidOperationException(
        "No durable client for this invocation: a function that starts or signals a workflow needs a [DurableClient] parameter and must call Use first.");
}
