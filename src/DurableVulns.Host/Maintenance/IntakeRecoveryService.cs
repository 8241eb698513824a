using DurableVulns.Api;
using DurableVulns.Api.Intake;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Host.Maintenance;

/// <summary>
/// Every few minutes: starts the workflow of a case whose intake stopped after it stored the record
/// (the host died, or storage failed, before the start) and that nobody retried with its
/// Idempotency-Key. Without it, such a case would show in the console with a MIIT deadline and no
/// clock behind it: no acknowledgement, no reminders, no breach record. A case is looked at once it
/// has waited <see cref="Grace"/> in stage Received, so that an intake still under way finishes
/// first; a case whose workflow was found is not looked up again while the host runs. Two hosts
/// may both start one (the start is idempotent); each then writes an intake-log line.
/// </summary>
public sealed partial class IntakeRecoveryService(
    IServiceScopeFactory scopes, ICaseStore cases, IWorkflowClient workflows, IAuditLog audit, IIntakeLog intakeLog,
    PolicyProvider policies, TimeProvider time, ILogger<IntakeRecoveryService> logger) : BackgroundService
{
    /// <summary>How long a case stays in stage Received before it is looked at.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly HashSet<string> started = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RecoverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage may be briefly away; the next run looks again.
                LogRunFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = now - Grace;
        // Only within the history retention: the retention run purges the workflow of a case that
        // failed or was terminated once it is that old (counted from its start), which would then
        // look like a case that never had one. The run comes every few minutes, so a case cut short
        // is found long before.
        var since = now - policies.Current.HistoryRetention;
        foreach (var id in await cases.ListReceivedAsync(since, before, stoppingToken))
        {
            if (started.Contains(id)) continue;
            if (await workflows.GetStatusAsync(id, stoppingToken) is null && await cases.GetAsync(id, stoppingToken) is { Stage: CaseStage.Received } record)
                await StartAsync(record);
            started.Add(id);
        }
    }

    // The entry and the log line first: if the start then fails, the next run finds no workflow
    // and starts it, and the entry's key keeps it one entry.
    private async Task StartAsync(CaseRecord record)
    {
        var policy = policies.Current;
        var now = time.GetUtcNow().UtcDateTime;
        await audit.AppendAsync(record.Id, new AuditEntry("intake-recovered", now, TimelineTypes.IntakeRecovered, Articles.IntakeLog,
            $"The intake that stored this case stopped before it started the case's workflow; it is started now ({now:O}) under policy " +
            $"{policy.Version}{(policy.Version == record.PolicyVersion ? "" : $" (the case was received under {record.PolicyVersion})")}. " +
            "Reminders and escalations already due follow at once.", CaseJournal.SystemActor));
        await intakeLog.RecordAsync(new IntakeAttempt(now, "Recovered", StatusCodes.Status202Accepted, record.Id,
            "workflow started by the intake recovery", null, null, null));
        using (var scope = scopes.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReportIntake>().StartCaseAsync(record, policy);
        LogRecovered(record.Id, record.ReceivedAtUtc);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}, received at {ReceivedAtUtc:O}, had no workflow: its intake stopped after storing it. The workflow was started.")]
    private partial void LogRecovered(string caseId, DateTime receivedAtUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The intake recovery run failed.")]
    private partial void LogRunFailed(Exception exception);
}
