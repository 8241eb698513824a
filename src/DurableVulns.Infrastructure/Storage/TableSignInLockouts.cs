using DurableVulns.Domain.Rules;
using Azure;
using Azure.Data.Tables;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Failed sign-ins per account, one entity per account keyed by the SHA-256 of its upper-cased
/// name, so the table holds no e-mail addresses. Writes use the ETag, because two hosts may count
/// failures of one account at the same time and neither may lose the other's.
/// </summary>
public sealed class TableSignInLockouts(TableSet tables) : ISignInLockouts
{
    private const string Table = "SignInLockouts";
    private const string RowKey = "lock";
    private const string FailedInARow = "FailedInARow";
    private const string LockedUntilUtc = "LockedUntilUtc";
    private const int MaxConflictRetries = 20;

    public async Task<DateTime?> LockedUntilAsync(string account, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(account, cancellationToken);
        return entity is not null && LockOf(entity) is { } until && until > UtcTime.AsUtc(nowUtc) ? until : null;
    }

    public async Task<DateTime?> RecordFailureAsync(string account, DateTime nowUtc, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockout, TimeSpan.Zero);
        var now = UtcTime.AsUtc(nowUtc);
        var client = await tables.GetAsync(Table, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var entity = await ReadAsync(account, cancellationToken);
            var lockedUntil = entity is null ? null : LockOf(entity);
            // Failures while locked neither extend the lock nor count towards the next one.
            if (lockedUntil > now) return lockedUntil;

            // A lock that has passed has already reset the count; an absent row is a count of zero.
            var failures = (entity is null || lockedUntil is not null ? 0 : entity.GetInt32(FailedInARow) ?? 0) + 1;
            DateTime? newLock = failures >= maxFailures ? now + lockout : null;
            var updated = new TableEntity(KeyOf(account), RowKey) { [FailedInARow] = newLock is null ? failures : 0 };
            if (newLock is { } until) updated[LockedUntilUtc] = until;
            try
            {
                if (entity is null) await client.AddEntityAsync(updated, cancellationToken);
                else await client.UpdateEntityAsync(updated, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return newLock;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConflictRetries)
            {
                // Another host counted a failure meanwhile: read its count and add ours to it.
            }
        }
    }

    public async Task ResetAsync(string account, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            // Most sign-ins follow no failure: a read, and no write.
            var entity = await ReadAsync(account, cancellationToken);
            if (entity is null || (entity.GetInt32(FailedInARow) ?? 0) == 0) return;

            // Only the count goes: a lock set by a concurrent failure stays.
            var updated = new TableEntity(entity.PartitionKey, RowKey) { [FailedInARow] = 0 };
            try
            {
                await client.UpdateEntityAsync(updated, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxConflictRetries)
            {
                // Written meanwhile: look again.
            }
        }
    }

    private async Task<TableEntity?> ReadAsync(string account, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(KeyOf(account), RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string KeyOf(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        // Sign-in names are case-insensitive, and the hash keeps the addresses out of the table.
        return StorageKeys.Hash(account.ToUpperInvariant());
    }

    private static DateTime? LockOf(TableEntity entity) => entity.GetDateTimeOffset(LockedUntilUtc)?.UtcDateTime;
}
