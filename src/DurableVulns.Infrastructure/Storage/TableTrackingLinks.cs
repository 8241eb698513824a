using Azure.Data.Tables;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Tracking links, one entity per token keyed by the token's SHA-256: the table never holds a
/// token, so reading it opens no case.
/// </summary>
public sealed class TableTrackingLinks(TableSet tables) : ITrackingLinks
{
    private const string Table = "TrackingLinks";
    private const string RowKey = "link";

    public async Task AddAsync(string token, string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var client = await tables.GetAsync(Table, cancellationToken);
        // Tokens are 256 random bits, so an existing row can only be an earlier attempt of this call.
        await client.UpsertEntityAsync(new TableEntity(StorageKeys.Hash(token), RowKey) { ["CaseId"] = caseId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> FindCaseAsync(string token, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        // Every input, malformed or not, is hashed in full into a safe key: one lookup, never a rejection.
        var response = await client.GetEntityIfExistsAsync<TableEntity>(StorageKeys.Hash(token ?? string.Empty), RowKey, ["CaseId"], cancellationToken);
        return response.HasValue ? response.Value?.GetString("CaseId") : null;
    }
}
