using Azure;
using Azure.Data.Tables;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>Which logical messages were sent, keyed by a hash of the message key.</summary>
public sealed class TableSentMailLog(TableSet tables) : ISentMailLog
{
    private const string Table = "SentMail";

    public async Task<bool> WasSentAsync(string key, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOf(key);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partition, row, ["RowKey"], cancellationToken);
        return response.HasValue;
    }

    public async Task MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var (partition, row) = KeysOf(key);
        try
        {
            await client.AddEntityAsync(new TableEntity(partition, row) { ["Key"] = key, ["SentAtUtc"] = sentAtUtc }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Marked by an earlier attempt already.
        }
    }

    private static (string Partition, string Row) KeysOf(string key)
    {
        var hash = StorageKeys.Hash(key);
        return (hash[..2], hash);
    }
}
