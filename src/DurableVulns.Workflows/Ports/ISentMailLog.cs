namespace DurableVulns.Workflows.Ports;

/// <summary>Remembers which logical messages were sent, and which are held up, by their key.</summary>
public interface ISentMailLog
{
    Task<SentMailState> StateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The state of the message whose key hashes to <paramref name="keyHash"/> (<see cref="Domain.Rules.TextHash.Sha256Hex"/>), as a held-up mark keeps it.</summary>
    Task<SentMailState> StateOfHashAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed send. Returns when the message's delay began (<paramref name="sinceUtc"/>, or the
    /// time an earlier failure recorded), or null when the message was sent, refused or withdrawn meanwhile.
    /// </summary>
    Task<DateTime?> MarkDelayedAsync(string key, DateTime sinceUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the send; the first send's time is kept. Returns true when a failure had marked the
    /// message delayed before, so that the delay is now over.
    /// </summary>
    Task<bool> MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default);

    /// <summary>Records that the mail service refused the message for good, so that a retried activity does not send it again.</summary>
    Task MarkRefusedAsync(string key, DateTime refusedAtUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a held-up message is no longer sent (its reviewer was taken out of the
    /// configuration), so that the retention run can purge its row; its state stays as it was.
    /// </summary>
    Task MarkWithdrawnAsync(string keyHash, DateTime withdrawnAtUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the rows of messages sent, or refused or withdrawn and never sent, before
    /// <paramref name="beforeUtc"/>; a message still held up keeps its row. Returns how many rows were deleted.
    /// </summary>
    Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default);
}
