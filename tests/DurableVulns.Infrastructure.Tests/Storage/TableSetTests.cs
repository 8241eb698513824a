using Azure;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class TableSetTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task GetAsync_NewName_CreatesTableNamedAfterTaskHub()
    {
        // Arrange
        var tables = new TableSet(storage.Options);

        // Act
        var client = await tables.GetAsync("Probe");

        // Assert
        Assert.Equal(storage.TaskHub + "Probe", client.Name);
        var names = new List<string>();
        await foreach (var table in storage.Service.QueryAsync(t => t.Name == storage.TaskHub + "Probe")) names.Add(table.Name);
        Assert.Equal([storage.TaskHub + "Probe"], names);
    }

    [Fact]
    public async Task GetAsync_TableAlreadyExists_ReturnsUsableClient()
    {
        // Arrange
        await storage.Service.CreateTableIfNotExistsAsync(storage.TaskHub + "Existing");
        var tables = new TableSet(storage.Options);

        // Act
        var client = await tables.GetAsync("Existing");

        // Assert
        await client.AddEntityAsync(new TableEntity("p", "r"));
        Assert.True((await client.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task GetAsync_SameNameTwice_ReturnsSameClient()
    {
        // Arrange
        var tables = new TableSet(storage.Options);
        var first = await tables.GetAsync("Twice");

        // Act
        var second = await tables.GetAsync("Twice");

        // Assert
        Assert.Same(first, second);
    }

    [Fact]
    public async Task GetAsync_FirstCallCancelled_LaterCallCreatesTable()
    {
        // Arrange
        var tables = new TableSet(storage.Options);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        try
        {
            // Whether this call is cancelled or finds the creation already done depends on timing;
            // either way it must not decide what later calls get.
            await tables.GetAsync("AfterCancel", cancelled.Token);
        }
        catch (OperationCanceledException)
        {
            // Expected most of the time.
        }

        // Act
        var client = await tables.GetAsync("AfterCancel");

        // Assert
        Assert.Equal(storage.TaskHub + "AfterCancel", client.Name);
        var names = new List<string>();
        await foreach (var table in storage.Service.QueryAsync(t => t.Name == storage.TaskHub + "AfterCancel")) names.Add(table.Name);
        Assert.Equal([storage.TaskHub + "AfterCancel"], names);
        await client.AddEntityAsync(new TableEntity("p", "r"));
        Assert.True((await client.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task GetAsync_CreationFailed_NextCallAsksTheServiceAgain()
    {
        // Arrange: a table name must start with a letter, so the service rejects every creation.
        var options = Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = StorageFixture.ConnectionString, TaskHub = "1bad" });
        var tables = new TableSet(options);
        var first = await Assert.ThrowsAsync<RequestFailedException>(() => tables.GetAsync("Probe"));

        // Act
        var second = await Assert.ThrowsAsync<RequestFailedException>(() => tables.GetAsync("Probe"));

        // Assert: a cached failure would rethrow the first call's exception object.
        Assert.Equal(400, first.Status);
        Assert.Equal(400, second.Status);
        Assert.NotSame(first, second);
    }
}
