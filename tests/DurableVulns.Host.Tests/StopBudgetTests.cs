using DurableVulns.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableVulns.Host.Tests;

/// <summary>
/// A SIGTERM must end the host in under 5 s. The stop is timed on a real process in
/// GracefulShutdownTests, printed and never asserted; what bounds it is the host's shutdown timeout,
/// after which the graceful stop is cut off and the rest of the exit takes milliseconds.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class StopBudgetTests(DurableVulnsHost host)
{
    [Fact]
    public void ShutdownTimeout_HostAsConfigured_WithinTheFiveSecondBudget()
    {
        // Act
        var timeout = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        // Assert: long enough for the worker's drain (its idle sessions, then DTFx's fixed 1 s), short enough for the budget.
        Assert.InRange(timeout, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4.5));
    }
}
