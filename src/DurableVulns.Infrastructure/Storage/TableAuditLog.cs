using Azure;
using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Audit entries, partitioned by case, one row per entry key. Each write is announced to
/// <see cref="AuditWatch"/>, with the entry when this write stored it.
/// </summary>
public sealed class TableAuditLog(TableSet tables, AuditWatch? watch = null) : IAuditLog
{
    private const string Table = "Audit";

    public async Task AppendAsync(string caseId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var entity = new TableEntity(caseId, RowKeyOf(entry.Key))
        {
            ["Key"] = entry.Key,
            ["AtUtc"] = DateTime.SpecifyKind(entry.AtUtc, DateTimeKind.Utc),
            ["Type"] = entry.Type,
            ["Article"] = entry.Article,
            ["Detail"] = entry.Detail,
            ["Actor"] = entry.Actor,
        };
        try
        {
            await client.AddEntityAsync(entity, cancellationToken);
            // Handed over as a read would return it: through the same mapping.
            watch?.Written(caseId, entry.Key, ToEntry(entity));
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            // A retried activity writes the same key again: the first entry stands, and only
            // storage has it.
            watch?.Written(caseId, entry.Key);
        }
    }

    public async Task<AuditEntry?> FindAsync(string caseId, string key, CancellationToken cancellationToken = default)
    {
        if (!StorageKeys.IsSafe(caseId)) return null;
        var client = await tables.GetAsync(Table, cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(caseId, RowKeyOf(key), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? ToEntry(entity) : null;
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!StorageKeys.IsSafe(caseId)) return [];
        var client = await tables.GetAsync(Table, cancellationToken);
        var entries = new List<AuditEntry>();
        // A string filter: a LINQ expression is compiled to a dynamic method on every call, and every
        // view of a case (API, console, a client polling for a step) makes this read.
        await foreach (var entity in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"),
                           cancellationToken: cancellationToken))
            entries.Add(ToEntry(entity));
        return [.. entries.OrderBy(e => e.AtUtc).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    private static string RowKeyOf(string key) => StorageKeys.IsSafe(key) ? key : StorageKeys.Hash(key);

    private static AuditEntry ToEntry(TableEntity entity) => new(
        entity.GetString("Key"),
        DateTime.SpecifyKind(entity.GetDateTime("AtUtc") ?? default, DateTimeKind.Utc),
        entity.GetString("Type"),
        entity.GetString("Article"),
        entity.GetString("Detail"),
        entity.GetString("Actor"));
}
