using Azure;
using Azure.Data.Tables;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Idempotency keys of intake requests. The insert is the claim: of two racing requests
/// with one key, the first insert wins and the other reads it back.
/// </summary>
public sealed class TableIdempotencyStore(TableSet tables, TimeProvider time) : IIdempotencyStore
{
    private const string Table = "Idempotency";

    public async Task<IdempotencyClaim> ClaimAsync(string key, IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var hash = StorageKeys.Hash(key);
        try
        {
            await client.AddEntityAsync(new TableEntity(hash[..2], hash)
            {
                ["CaseId"] = claim.CaseId,
                ["BodyHash"] = claim.BodyHash,
                ["CreatedAtUtc"] = time.GetUtcNow().UtcDateTime,
            }, cancellationToken);
            return claim;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            var stored = (await client.GetEntityAsync<TableEntity>(hash[..2], hash, cancellationToken: cancellationToken)).Value;
            return new IdempotencyClaim(stored.GetString("CaseId"), stored.GetString("BodyHash"));
        }
    }

    public async Task<int> PurgeAsync(DateTime beforeUtc, CancellationToken cancellationToken = default) =>
        await TableSweep.DeleteAsync(await tables.GetAsync(Table, cancellationToken),
            TableClient.CreateQueryFilter($"CreatedAtUtc lt {beforeUtc}"), [], _ => true, cancellationToken);
}
