namespace DurableVulns.Workflows.Ports;

/// <summary>Remembers which logical messages were sent, and which are held up, by their key.</summary>
public interface ISentMailLog
{
    Task<SentMailState> StateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records a failed send; a message marked before (delayed or sent) keeps its mark.</summary>
    Task MarkDelayedAsync(string key, DateTime sinceUtc, CancellationToken cancellationToken = default);

    /// <summary>Records the send; the first send's time is kept, and a delayed message becomes sent after delay.</summary>
    Task MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default);
}
