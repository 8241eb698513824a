using DurableVulns.Api.Maintenance;

namespace DurableVulns.Host.Maintenance;

/// <summary>
/// Runs <typeparamref name="TRun"/> at start and then every <c>interval</c>, each run in a scope of
/// its own. A failed run (storage briefly away) is logged, and the next one tries again.
/// </summary>
public sealed partial class MaintenanceService<TRun>(
    IServiceScopeFactory scopes, TimeSpan interval, TimeProvider time, ILogger<MaintenanceService<TRun>> logger) : BackgroundService
    where TRun : IMaintenanceRun
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<TRun>().RunAsync(stoppingToken);
            }
            // Only the host's stop ends the loop: a storage timeout is a TaskCanceledException too.
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(ex, typeof(TRun).Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The maintenance run {Run} failed; the next one tries again.")]
    private partial void LogRunFailed(Exception exception, string run);
}
