using Azure.Data.Tables;
using DurableVulns.Testing;

namespace DurableVulns.Host.Tests;

/// <summary>Counts what the host wrote to its tables, to prove that rejected input wrote nothing.</summary>
public sealed class StorageProbe(DurableVulnsHost host)
{
    private readonly TableServiceClient tables = new(DurableVulnsHost.ConnectionString);

    public Task<int> CasesAsync() => CountAsync("Cases");

    public Task<int> OrchestrationsAsync() => CountAsync("Instances");

    public async Task<IReadOnlyList<TableEntity>> IntakeLogAsync()
    {
        var client = tables.GetTableClient(host.TaskHub + "IntakeLog");
        await client.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>()) rows.Add(row);
        return [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    private async Task<int> CountAsync(string table)
    {
        var client = tables.GetTableClient(host.TaskHub + table);
        await client.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }
}
