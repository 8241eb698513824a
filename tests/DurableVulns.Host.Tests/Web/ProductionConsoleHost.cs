using DurableVulns.Testing;
using Microsoft.AspNetCore.Hosting;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// The console host in the Production environment: Secure cookies, pages over HTTPS only, and approval
/// links that must start with an https address reviewers reach.
/// </summary>
public sealed class ProductionConsoleHost() : ConsoleHost("Production")
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("DurableVulns:Approvals:PublicBaseUrl", "https://psirt.acme.example.cn");
    }
}
