using DurableVulns.Api;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Host.Maintenance;

/// <summary>
/// Once a day, deletes intake-log days older than the policy's retention (Art. 5 keeps them at
/// least six months; the store refuses anything shorter).
/// </summary>
public sealed partial class IntakeLogRetentionService(
    IIntakeLog intakeLog, PolicyProvider policies, TimeProvider time, ILogger<IntakeLogRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var purged = await intakeLog.PurgeAsync(policies.Current.IntakeLogRetention, stoppingToken);
                if (purged > 0) LogPurged(purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be briefly away; the next run tries again.
                LogPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} intake-log entries past their retention.")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The intake-log retention purge failed.")]
    private partial void LogPurgeFailed(Exception exception);
}
