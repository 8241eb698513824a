using DurableVulns.Testing;

namespace DurableVulns.Host.Tests.Web;

/// <summary>The console host in the Production environment: Secure cookies, pages over HTTPS only.</summary>
public sealed class ProductionConsoleHost() : ConsoleHost("Production");
