using Azure.Data.Tables;
using DurableTask.AzureStorage;

namespace DurableVulns.Benchmarks;

/// <summary>Task hub names and their removal (the same few lines as tests/DurableVulns.Testing/TaskHubCleaner).</summary>
public static class Storage
{
    /// <summary>A fresh task hub name: letters and digits, short enough for every derived table and queue name.</summary>
    public static string NewTaskHub(string purpose) => "bench" + purpose + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Removes what interrupted runs left: every queue, table and blob container named bench….
    /// Returns how many queues it deleted. Run before every benchmark run: Azurite's dequeue filters
    /// every message of the account, so a killed run's thousands of messages slow every later one.
    /// </summary>
    public static async Task<int> DeleteLeftoversAsync(string connectionString)
    {
        var queues = new Azure.Storage.Queues.QueueServiceClient(connectionString);
        var deletedQueues = 0;
        await foreach (var queue in queues.GetQueuesAsync(prefix: "bench"))
        {
            await queues.DeleteQueueAsync(queue.Name);
            deletedQueues++;
        }
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: "bench"))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            // A worker that was killed leaves its app lease on the container: break it first.
            if (container.Properties.LeaseState == Azure.Storage.Blobs.Models.LeaseState.Leased)
                await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(client).BreakAsync(TimeSpan.Zero);
            await client.DeleteIfExistsAsync();
        }
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo("bench") >= 0 && t.Name.CompareTo("bench~") < 0))
            await tables.DeleteTableAsync(table.Name);
        return deletedQueues;
    }

    public static async Task DeleteTaskHubAsync(string connectionString, string taskHub)
    {
        try
        {
            var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
                TaskHubName = taskHub,
            });
            await service.DeleteAsync();
            var tables = new TableServiceClient(connectionString);
            await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(taskHub) >= 0 && t.Name.CompareTo(taskHub + "~") < 0))
                await tables.DeleteTableAsync(table.Name);
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"warning: could not delete task hub {taskHub}: {ex.Message}");
        }
    }
}
