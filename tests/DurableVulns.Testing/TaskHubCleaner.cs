using Azure.Data.Tables;
using DurableTask.AzureStorage;

namespace DurableVulns.Testing;

/// <summary>Removes a test's task hub and our tables under its name from Azurite.</summary>
public static class TaskHubCleaner
{
    public static async Task DeleteAsync(string taskHub, string connectionString = DurableVulnsHost.ConnectionString)
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
}
