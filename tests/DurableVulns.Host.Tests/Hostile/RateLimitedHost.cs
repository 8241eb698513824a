using System.Net;
using DurableVulns.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Host.Tests.Hostile;

/// <summary>
/// The real host in-process on Azurite, configured as <see cref="DurableVulnsHost"/> is but with low
/// per-client limits on the anonymous endpoints: <see cref="IntakePermits"/> reports and
/// <see cref="ApprovalPermits"/> approval-page requests a minute. The in-process server has no client
/// address, so a client made with one sends it in <see cref="ClientAddressHeader"/>, and the host
/// takes it as the connection's remote address before anything else runs.
/// </summary>
public sealed class RateLimitedHost : IAsyncLifetime
{
    public const int IntakePermits = 5;
    public const int ApprovalPermits = 3;
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "durablevulns-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public string TaskHub { get; } = TestNames.TaskHub("r");

    /// <summary>A client; with <paramref name="address"/>, the host sees its requests come from that address.</summary>
    public HttpClient Client(string? address = null)
    {
        var client = factory!.CreateClient();
        if (address is not null) client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

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
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        });
        factory.CreateClient().Dispose();
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
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
