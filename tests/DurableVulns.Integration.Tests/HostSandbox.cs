using Azure;
using Azure.Data.Tables;
using DurableVulns.Testing;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// A task hub, a policy file and a pickup folder for host processes of one test, and the
/// environment variables of the configuration contract that point a host at them.
/// </summary>
public sealed class HostSandbox(string policyJson) : IAsyncLifetime
{
    public const string ApiKey = "integration-key";

    /// <summary>A sandbox whose policy is <see cref="TestPolicies.RestartClock"/>.</summary>
    public HostSandbox() : this(TestPolicies.RestartClock)
    {
    }

    public string TaskHub { get; } = TestNames.TaskHub("i");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "durablevulns-it", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(Directory, "mail");

    public string PolicyFile => Path.Combine(Directory, "policy.json");

    public Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(MailDirectory);
        return File.WriteAllTextAsync(PolicyFile, policyJson);
    }

    public async Task DisposeAsync()
    {
        await TaskHubCleaner.DeleteAsync(TaskHub);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public Dictionary<string, string> Environment() => new()
    {
        ["AzureWebJobsStorage"] = DurableVulnsHost.ConnectionString,
        ["DurableVulns__TaskHub"] = TaskHub,
        ["DurableVulns__WorkerId"] = TaskHub + "-worker",
        ["DurableVulns__PolicyFile"] = PolicyFile,
        ["DurableVulns__ApiKey"] = ApiKey,
        ["DurableVulns__Psirt__Addresses__0"] = DurableVulnsHost.PsirtAddress,
        ["DurableVulns__Mail__Mode"] = "Pickup",
        ["DurableVulns__Mail__PickupDirectory"] = MailDirectory,
        ["DurableVulns__Engine__QueueVisibilityTimeout"] = "00:00:10",
        ["Logging__LogLevel__Default"] = "Warning",
        // Plain HTTP on loopback: Development is the environment whose cookies need no TLS (Production's are Secure).
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };

    /// <summary>
    /// <see cref="Environment()"/> plus the early-disclosure reviewers (<see cref="DurableVulnsHost.MiitReviewer"/>,
    /// <see cref="DurableVulnsHost.MpsReviewer"/>), the link signing key, and the base URL the approval
    /// links in their mail point at: the address the host will listen on.
    /// </summary>
    public Dictionary<string, string> ReviewEnvironment(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        var environment = Environment();
        environment["DurableVulns__Reviewers__MIIT__0"] = DurableVulnsHost.MiitReviewer;
        environment["DurableVulns__Reviewers__MPS__0"] = DurableVulnsHost.MpsReviewer;
        environment["DurableVulns__Approvals__SigningKey"] = DurableVulnsHost.SigningKey;
        environment["DurableVulns__Approvals__PublicBaseUrl"] = publicBaseUrl.GetLeftPart(UriPartial.Authority);
        return environment;
    }

    public HttpClient Client(HostProcess host)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public IReadOnlyList<string> MailFiles() => [.. System.IO.Directory.GetFiles(MailDirectory, "*.eml").Select(File.ReadAllText)];

    /// <summary>The <c>X-DurableVulns-Key</c> of every <c>.eml</c> in the pickup folder: the logical message each file is.</summary>
    public IReadOnlyList<string> MailKeys() => [.. MailFiles().Select(m => MailReader.Header(m, "X-DurableVulns-Key"))];

    /// <summary>
    /// Every row of the table <c>{TaskHub}{name}</c> (ours, e.g. <c>Cases</c>, or the engine's, e.g.
    /// <c>Instances</c>, <c>Partitions</c>); none when the table does not exist yet.
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> RowsAsync(string name)
    {
        var table = new TableClient(DurableVulnsHost.ConnectionString, TaskHub + name);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet: no rows.
        }
        return rows;
    }
}
