namespace DurableVulns.Workflows.Ports;

/// <summary>Remembers which logical messages were sent, by their key.</summary>
public interface ISentMailLog
{
    Task<bool> WasSentAsync(string key, CancellationToken cancellationToken = default);

    Task MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default);
}
