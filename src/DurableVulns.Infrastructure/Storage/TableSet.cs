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
    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken = default) =>
        tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(options.Value.TaskHub + n, cancellationToken))).Value;

    private async Task<TableClient> CreateAsync(string tableName, CancellationToken cancellationToken)
    {
        var client = service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync(cancellationToken);
        return client;
    }
}
