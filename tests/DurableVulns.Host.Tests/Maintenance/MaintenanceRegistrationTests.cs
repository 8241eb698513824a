using DurableVulns.Api.Maintenance;
using DurableVulns.Host.Maintenance;
using DurableVulns.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DurableVulns.Host.Tests.Maintenance;

/// <summary>
/// The host schedules both runs and can build them: a run it could not build would only be logged
/// as failed, every time, while nothing is purged or recovered.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MaintenanceRegistrationTests(DurableVulnsHost host)
{
    [Fact]
    public void AddMaintenanceRuns_TheHostsServices_ScheduleBothRunsAndBuildThem()
    {
        // Act
        var scheduled = host.Services.GetServices<IHostedService>().Select(service => service.GetType()).ToList();
        using var scope = host.Services.CreateScope();
        var retention = scope.ServiceProvider.GetService<RetentionRun>();
        var recovery = scope.ServiceProvider.GetService<IntakeRecoveryRun>();

        // Assert
        Assert.Contains(typeof(MaintenanceService<RetentionRun>), scheduled);
        Assert.Contains(typeof(MaintenanceService<IntakeRecoveryRun>), scheduled);
        Assert.NotNull(retention);
        Assert.NotNull(recovery);
    }
}
