using System.Collections.Concurrent;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

/// <summary>The sent-mail log in memory, keyed as the table is, by the key's hash.</summary>
internal sealed class InMemorySentMailLog : ISentMailLog
{
    private readonly ConcurrentDictionary<string, (DateTime? DelayedSince, bool Sent, bool Refused)> rows = new();

    public Task<SentMailState> StateAsync(string key, CancellationToken cancellationToken = default) =>
        StateOfHashAsync(TextHash.Sha256Hex(key), cancellationToken);

    public Task<SentMailState> StateOfHashAsync(string keyHash, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows.TryGetValue(keyHash, out var row)
            ? (row.Sent, row.DelayedSince is not null, row.Refused) switch
            {
                (true, true, _) => SentMailState.SentAfterDelay,
                (true, false, _) => SentMailState.Sent,
                (false, _, true) => SentMailState.Refused,
                _ => SentMailState.Delayed,
            }
            : SentMailState.NotSent);

    public Task<DateTime?> MarkDelayedAsync(string key, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        var row = rows.GetOrAdd(TextHash.Sha256Hex(key), (sinceUtc, false, false));
        return Task.FromResult(row.Sent || row.Refused ? null : row.DelayedSince);
    }

    public Task<bool> MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult(rows.AddOrUpdate(TextHash.Sha256Hex(key), (null, true, false), (_, row) => row with { Sent = true }).DelayedSince is not null);

    public Task MarkRefusedAsync(string key, DateTime refusedAtUtc, CancellationToken cancellationToken = default)
    {
        rows.AddOrUpdate(TextHash.Sha256Hex(key), (null, false, true), (_, row) => row with { Refused = true });
        return Task.CompletedTask;
    }

    // Withdrawal changes no state; rows keep no times here.
    public Task MarkWithdrawnAsync(string keyHash, DateTime withdrawnAtUtc, CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>The cut-off of the last purge; rows keep no times here, so nothing is deleted.</summary>
    public DateTime? PurgedBeforeUtc { get; private set; }

    public Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        PurgedBeforeUtc = beforeUtc;
        return Task.FromResult(0);
    }
}
