using DurableVulns.Api.Intake;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Api.Maintenance;

/// <summary>
/// Every few minutes: starts the workflow of a case whose intake stopped after it stored the record
/// (the host died, or storage failed, before the start) and that nobody retried with its
/// Idempotency-Key. Without it, such a case would show in the console with a MIIT deadline and no
/// clock behind it: no acknowledgement, no reminders, no breach record. A case is looked at once it
/// has waited <see cref="Grace"/> in stage Received, so that an intake still under way finishes
/// first. Two hosts may both start one (the start is idempotent); each then writes an intake-log line.
/// </summary>
public sealed partial class IntakeRecoveryRun(
    ICaseStore cases, IWorkflowClient workflows, ReportIntake intake, IAuditLog audit, IIntakeLog intakeLog,
    PolicyProvider policies, TimeProvider time, ILogger<IntakeRecoveryRun> logger) : IMaintenanceRun
{
    /// <summary>How long a case stays in stage Received before it is looked at.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>How often the hosts run it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Only within the history retention: the retention run purges the workflow of a case that
        // failed or was terminated once it is that old (counted from its start), which would then
        // look like a case that never had one. The run comes every few minutes, so a case cut short
        // is found long before.
        var since = now - policies.Current.HistoryRetention;
        foreach (var id in await cases.ListReceivedAsync(since, now - Grace, cancellationToken))
        {
            if (await workflows.GetStatusAsync(id, cancellationToken) is null && await cases.GetAsync(id, cancellationToken) is { Stage: CaseStage.Received } record)
                await StartAsync(record);
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
        await intake.StartCaseAsync(record, policy);
        LogRecovered(record.Id, record.ReceivedAtUtc);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {CaseId}, received at {ReceivedAtUtc:O}, had no workflow: its intake stopped after storing it. The workflow was started.")]
    private partial void LogRecovered(string caseId, DateTime receivedAtUtc);
}
