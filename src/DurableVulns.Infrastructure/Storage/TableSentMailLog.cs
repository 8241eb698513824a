using Azure;
using Azure.Data.Tables;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Which logical messages were sent, keyed by a hash of the message key: one row per message,
/// with <c>SentAtUtc</c> once it was sent, <c>DelayedSinceUtc</c> if a send failed before, and
/// <c>RefusedAtUtc</c> if the mail service refused it for good, <c>WithdrawnAtUtc</c> if a held-up
/// message was no longer to be sent. The key itself is not written (rows written before commit 45baf26
/// still have it in a <c>Key</c> column): advisory and review keys hold recipients' addresses. The
/// retention run purges the rows of messages sent, refused or withdrawn long ago.
/// </summary>
public sealed class TableSentMailLog(TableSet tables) : ISentMailLog
{
    private const string Table = "SentMail";
    private const string SentAt = "SentAtUtc";
    private const string DelayedSince = "DelayedSinceUtc";
    private const string RefusedAt = "RefusedAtUtc";
    private const string WithdrawnAt = "WithdrawnAtUtc";

    public Task<SentMailState> StateAsync(string key, CancellationToken cancellationToken = default) =>
        StateOfHashAsync(StorageKeys.Hash(key), cancellationToken);

    public async Task<SentMailState> StateOfHashAsync(string keyHash, CancellationToken cancellationToken = default) =>
        await ReadAsync(keyHash, cancellationToken) is { } row ? StateOf(row) : SentMailState.NotSent;

    public async Task<DateTime?> MarkDelayedAsync(string key, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        // Marked before: that mark stands, delayed by an earlier failure, or sent or refused by
        // another attempt, which ended the delay, or withdrawn by one, which ended the message.
        var existing = await AddOrReadAsync(key, DelayedSince, sinceUtc, cancellationToken);
        if (existing is null) return sinceUtc;
        return StateOf(existing) == SentMailState.Delayed && !Has(existing, WithdrawnAt) ? existing.GetDateTimeOffset(DelayedSince)?.UtcDateTime : null;
    }

    public async Task<bool> MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOf(key);
        while (true)
        {
            // Marked before: sent already (keep that time), or delayed, which this send ends. Only a
            // message that was held up costs these further requests.
            var existing = await AddOrReadAsync(key, SentAt, sentAtUtc, cancellationToken);
            if (existing is null) return false;
            var delayed = Has(existing, DelayedSince);
            if (Has(existing, SentAt)) return delayed;
            try
            {
                await client.UpdateEntityAsync(new TableEntity(partition, row) { [SentAt] = sentAtUtc }, existing.ETag, TableUpdateMode.Merge, cancellationToken);
                return delayed;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 404 or 412)
            {
                // Changed or removed in between: look again.
            }
        }
    }

    public async Task MarkRefusedAsync(string key, DateTime refusedAtUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOf(key);
        // Merged, not inserted: a message held up before it was refused already has its row.
        await client.UpsertEntityAsync(new TableEntity(partition, row) { [RefusedAt] = refusedAtUtc }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task MarkWithdrawnAsync(string keyHash, DateTime withdrawnAtUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOfHash(keyHash);
        // Merged into the held-up row; the state it gives is unchanged (a send later still counts).
        await client.UpsertEntityAsync(new TableEntity(partition, row) { [WithdrawnAt] = withdrawnAtUtc }, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        // A scan of the whole table, once a day: rows are spread over partitions by their key's hash.
        // Names are written out: CreateQueryFilter would quote an interpolated name as a value.
        // Sent wins over refused and withdrawn, as in StateOf: a row refused long ago but sent lately stays.
        return await TableSweep.DeleteAsync(client,
            TableClient.CreateQueryFilter($"SentAtUtc lt {beforeUtc} or RefusedAtUtc lt {beforeUtc} or WithdrawnAtUtc lt {beforeUtc}"),
            [SentAt, RefusedAt, WithdrawnAt],
            row => (row.GetDateTimeOffset(SentAt) ?? row.GetDateTimeOffset(RefusedAt) ?? row.GetDateTimeOffset(WithdrawnAt)) is { } done && done.UtcDateTime < beforeUtc,
            cancellationToken);
    }

    private async Task<TableEntity?> ReadAsync(string keyHash, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOfHash(keyHash);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partition, row, [SentAt, DelayedSince, RefusedAt, WithdrawnAt], cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    // Inserts the message's row with one time column; null when this insert made it, else the row
    // an earlier mark made (inserted again if it was removed in between).
    private async Task<TableEntity?> AddOrReadAsync(string key, string column, DateTime at, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOf(key);
        while (true)
        {
            try
            {
                await client.AddEntityAsync(new TableEntity(partition, row) { [column] = at }, cancellationToken);
                return null;
            }
            catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
            {
                if (await ReadAsync(row, cancellationToken) is { } existing) return existing;
            }
        }
    }

    // Sent wins over refused: an attempt that was refused does not undo another one's send.
    private static SentMailState StateOf(TableEntity row) => (Has(row, SentAt), Has(row, DelayedSince), Has(row, RefusedAt)) switch
    {
        (true, true, _) => SentMailState.SentAfterDelay,
        (true, false, _) => SentMailState.Sent,
        (false, _, true) => SentMailState.Refused,
        _ => SentMailState.Delayed,
    };

    // A selected column the row lacks can come back as null rather than be left out.
    private static bool Has(TableEntity row, string column) => row.GetDateTimeOffset(column) is not null;

    private static (string Partition, string Row) KeysOf(string key) => KeysOfHash(StorageKeys.Hash(key));

    private static (string Partition, string Row) KeysOfHash(string keyHash) => (keyHash[..2], keyHash);
}
