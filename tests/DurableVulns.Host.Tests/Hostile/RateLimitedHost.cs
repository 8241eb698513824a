using DurableVulns.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DurableVulns.Host.Tests.Hostile;

/// <summary>
/// The real host in-process on Azurite, configured as <see cref="DurableVulnsHost"/> is but with low
/// per-client limits on the anonymous endpoints: <see cref="IntakePermits"/> reports and
/// <see cref="ApprovalPermits"/> approval-page requests a minute.
/// </summary>
public sealed class RateLimitedHost : IAsyncLifetime
{
    public const int IntakePermits = 5;
    public const int ApprovalPermits = 3;

    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "durablevulns-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public string TaskHub { get; } = TestNames.TaskHub("r");

    public HttpClient Client() => factory!.CreateClient();

    public async Task InitializeAsync()
    {
        var mail = Path.Combine(workDirectory, "mail");
        Directory.CreateDirectory(mail);
        var policyFile = Path.Combine(workDirectory, "policy.json");
        await File.WriteAllTextAsync(policyFile, TestPolicies.SlowClock);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AzureWebJobsStorage", DurableVulnsHost.ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", TaskHub);
            builder.UseSetting("DurableVulns:WorkerId", TaskHub + "-worker");
            builder.UseSetting("DurableVulns:PolicyFile", policyFile);
            builder.UseSetting("DurableVulns:ApiKey", DurableVulnsHost.ApiKey);
            builder.UseSetting("DurableVulns:Mail:Mode", "Pickup");
            builder.UseSetting("DurableVulns:Mail:PickupDirectory", mail);
            builder.UseSetting("DurableVulns:IntakePermitsPerMinute", IntakePermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("DurableVulns:ApprovalPermitsPerMinute", ApprovalPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("DurableVulns:Approvals:SigningKey", DurableVulnsHost.SigningKey);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        if (factory is null) return;
        await factory.DisposeAsync();
        await TaskHubCleaner.DeleteAsync(TaskHub);
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
