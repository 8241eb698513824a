using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>Hands out our table clients, creating each table once per process.</summary>
public sealed class TableSet(IOptions<StorageOptions> options)
{
    private readonly TableServiceClient service = new(options.Value.ConnectionString);
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    /// <summary>The table <c>{TaskHub}{name}</c>, created if missing.</summary>
    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        // The creation is shared by all callers, so it does not take any one caller's token; a
        // creation that failed is forgotten, so that the next call tries again.
        var creation = tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(options.Value.TaskHub + n)));
        try
        {
            return await creation.Value.WaitAsync(cancellationToken);
        }
        catch when (creation.Value.IsFaulted || creation.Value.IsCanceled)
        {
            tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, creation));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var client = service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
