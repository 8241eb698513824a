using DurableVulns.Api.Maintenance;

namespace DurableVulns.Host.Maintenance;

/// <summary>Schedules the maintenance runs in the standalone host.</summary>
public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenanceRuns(this IServiceCollection services) => services
        .AddMaintenance<RetentionRun>(RetentionRun.Interval)
        .AddMaintenance<IntakeRecoveryRun>(IntakeRecoveryRun.Interval);

    private static IServiceCollection AddMaintenance<TRun>(this IServiceCollection services, TimeSpan interval)
        where TRun : IMaintenanceRun =>
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<MaintenanceService<TRun>>(sp, interval));
}
