using Azure;
using Azure.Data.Tables;
using DurableVulns.Infrastructure.Storage;

namespace DurableVulns.Infrastructure.Tests.Storage;

public sealed class StorageErrorsTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task IsAlreadyExists_SecondInsertOfAnEntity_True()
    {
        // Arrange: the conflict as storage reports it.
        var table = storage.Table("Conflicts");
        await table.CreateIfNotExistsAsync();
        var entity = new TableEntity("p", Guid.NewGuid().ToString("N"));
        await table.AddEntityAsync(entity);

        // Act
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        // Assert
        Assert.True(StorageErrors.IsAlreadyExists(conflict));
    }

    [Fact]
    public void IsAlreadyExists_TableBeingDeleted_False()
    {
        // Arrange: also a 409, but the write did not happen.
        var conflict = new RequestFailedException(409, "The specified table is being deleted.", "TableBeingDeleted", null);

        // Act
        var done = StorageErrors.IsAlreadyExists(conflict);

        // Assert
        Assert.False(done);
    }
}
