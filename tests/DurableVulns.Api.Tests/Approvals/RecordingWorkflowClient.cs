using DurableVulns.Workflows.Ports;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>A workflow client that only remembers the events raised through it.</summary>
public sealed class RecordingWorkflowClient : IWorkflowClient
{
    public List<(string InstanceId, string EventName, object Payload)> Events { get; } = [];

    public Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default)
    {
        lock (Events) Events.Add((instanceId, eventName, payload));
        return Task.CompletedTask;
    }

    public Task<string?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);

    public Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<int> PurgeFinishedAsync(DateTime createdBeforeUtc, CancellationToken cancellationToken = default) => Task.FromResult(0);
}
