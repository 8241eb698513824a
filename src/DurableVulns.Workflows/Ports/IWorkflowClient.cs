namespace DurableVulns.Workflows.Ports;

/// <summary>
/// What the API needs from the durable engine. The standalone host implements it over
/// DurableTask.Core's TaskHubClient, the Functions app over DurableTaskClient.
/// </summary>
public interface IWorkflowClient
{
    /// <summary>Starts an orchestration; one already started under <paramref name="instanceId"/> is left alone.</summary>
    Task StartAsync(string orchestratorName, string instanceId, object input, CancellationToken cancellationToken = default);

    Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default);

    /// <summary>The runtime status name (Running, Completed, …), or null when there is no such instance.</summary>
    Task<string?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default);

    Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default);

    Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Purges the history of every orchestration created before <paramref name="createdBeforeUtc"/> that has
    /// finished (completed, failed, terminated or canceled); running ones are left alone. Returns how many were purged.
    /// </summary>
    Task<int> PurgeFinishedAsync(DateTime createdBeforeUtc, CancellationToken cancellationToken = default);
}
