using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableVulns.Api;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Host.Maintenance;

/// <summary>
/// Once a day: deletes intake-log days older than the policy's retention (Art. 5 keeps them at
/// least six months; the store refuses anything shorter), purges the workflow history of cases
/// that finished longer ago than the policy keeps it, and deletes the sent-mail rows and intake
/// Idempotency-Keys past theirs, so that neither the backend nor our tables slow down as they
/// grow. Cases and their audit trails stay in our own tables.
/// </summary>
public sealed partial class RetentionService(
    IIntakeLog intakeLog, ISentMailLog sentMail, IIdempotencyStore idempotencyKeys, AzureStorageOrchestrationService workflows,
    PolicyProvider policies, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly OrchestrationStatus[] Finished =
        [OrchestrationStatus.Completed, OrchestrationStatus.Terminated, OrchestrationStatus.Failed, OrchestrationStatus.Canceled];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var policy = policies.Current;
                var now = time.GetUtcNow().UtcDateTime;
                var intakeEntries = await intakeLog.PurgeAsync(policy.IntakeLogRetention, stoppingToken);
                // The backend filters on creation time: a finished case created before the cut-off
                // finished before it too.
                await workflows.PurgeInstanceHistoryAsync(Epoch, now - policy.HistoryRetention, Finished);
                var messages = await sentMail.PurgeAsync(now - policy.SentMailKept, stoppingToken);
                var keys = await idempotencyKeys.PurgeAsync(now - policy.IdempotencyKeysKept, stoppingToken);
                LogPurged(intakeEntries, messages, keys);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be briefly away; the next run tries again.
                LogPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: {IntakeEntries} intake-log entries, finished workflow history, {Messages} sent-mail rows and {Keys} Idempotency-Keys past their retention purged.")]
    private partial void LogPurged(int intakeEntries, int messages, int keys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention run failed.")]
    private partial void LogPurgeFailed(Exception exception);
}
