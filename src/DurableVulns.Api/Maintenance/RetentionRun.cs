using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Api.Maintenance;

/// <summary>
/// Once a day: deletes intake-log days older than the policy's retention (Art. 5 keeps them at
/// least six months; the store refuses anything shorter), purges the workflow history of cases
/// that finished longer ago than the policy keeps it, and deletes the sent-mail rows and intake
/// Idempotency-Keys past theirs, so that neither the backend nor our tables slow down as they
/// grow. Cases and their audit trails stay in our own tables.
/// </summary>
public sealed partial class RetentionRun(
    IIntakeLog intakeLog, ISentMailLog sentMail, IIdempotencyStore idempotencyKeys, IWorkflowClient workflows,
    PolicyProvider policies, TimeProvider time, ILogger<RetentionRun> logger) : IMaintenanceRun
{
    /// <summary>How often the hosts run it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        var now = time.GetUtcNow().UtcDateTime;
        var intakeEntries = await intakeLog.PurgeAsync(policy.IntakeLogRetention, cancellationToken);
        // The backend filters on creation time: a finished case created before the cut-off finished before it too.
        var histories = await workflows.PurgeFinishedAsync(now - policy.HistoryRetention, cancellationToken);
        var messages = await sentMail.PurgeAsync(now - policy.SentMailKept, cancellationToken);
        var keys = await idempotencyKeys.PurgeAsync(now - policy.IdempotencyKeysKept, cancellationToken);
        LogPurged(intakeEntries, histories, messages, keys);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: {IntakeEntries} intake-log entries, {Histories} finished workflow histories, {Messages} sent-mail rows and {Keys} Idempotency-Keys past their retention purged.")]
    private partial void LogPurged(int intakeEntries, int histories, int messages, int keys);
}
