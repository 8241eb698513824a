namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Where our own tables live. Their names start with the task hub name, so each task hub
/// (and each test run) has its own set.
/// </summary>
public sealed class StorageOptions
{
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    public string TaskHub { get; set; } = "DurableVulns";
}
