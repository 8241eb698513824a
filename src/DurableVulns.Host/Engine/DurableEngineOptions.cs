namespace DurableVulns.Host.Engine;

/// <summary>
/// The durable engine's settings. Defaults follow what the prototype on Azurite taught:
/// poll at most every second, and let a crashed worker's messages reappear within seconds.
/// </summary>
public sealed class DurableEngineOptions
{
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    public string TaskHub { get; set; } = "DurableVulns";

    /// <summary>Kept across restarts of the same process, so it recovers its own partitions at once.</summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);
}
