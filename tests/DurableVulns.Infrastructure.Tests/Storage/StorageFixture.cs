using System.Security.Cryptography;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>
/// One task hub on the real Azurite per test class ("t" + 10 random alphanumerics), so that
/// runs never see each other's rows; its tables are deleted when the class is done.
/// </summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    public StorageFixture()
    {
        TaskHub = "t" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 10);
        Options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = ConnectionString, TaskHub = TaskHub });
        Service = new TableServiceClient(ConnectionString);
        Tables = new TableSet(Options);
    }

    public string TaskHub { get; }

    public IOptions<StorageOptions> Options { get; }

    public TableServiceClient Service { get; }

    /// <summary>The shared table set of the class; tests that need a fresh process view make their own.</summary>
    public TableSet Tables { get; }

    /// <summary>A raw client of the table <c>{TaskHub}{name}</c>, for looking at what the adapters wrote.</summary>
    public TableClient Table(string name) => Service.GetTableClient(TaskHub + name);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Table names are letters and digits, all below '{', so this range is exactly the prefix.
        var filter = $"TableName ge '{TaskHub}' and TableName lt '{TaskHub}{{'";
        var names = new List<string>();
        await foreach (var table in Service.QueryAsync(filter)) names.Add(table.Name);
        foreach (var name in names) await Service.DeleteTableAsync(name);
    }
}
