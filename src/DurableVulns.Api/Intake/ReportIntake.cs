using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Orchestrators;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Intake;

/// <summary>
/// Takes a report from any channel (the API or the reporter portal): validates it, logs the
/// attempt (Art. 5), creates the case and starts its orchestration. An invalid report writes
/// nothing but the intake log line.
/// </summary>
public sealed class ReportIntake(
    PolicyProvider policies,
    ICaseStore cases,
    IAuditLog audit,
    IIntakeLog intakeLog,
    IIdempotencyStore idempotency,
    IWorkflowClient workflows,
    TimeProvider time)
{
    // A report may take at most half of what storage holds for one case: the rest is kept for the
    // PSIRT's assessment, patch and advisory, so that a reporter cannot leave a case unassessable.
    private const int ReportSpareBytes = 512 * 1024;

    /// <summary>The field error of a report that would take more than its share of the case's storage.</summary>
    public const string TooLargeToStore = "must be shorter: the report takes too much storage (emoji take the most).";

    /// <param name="bodyHash">A hash of the report as sent, so that a reused idempotency key with another report is caught.</param>
    /// <remarks>
    /// Takes no cancellation token: a client that goes away must not cut an intake short, since a
    /// case record whose workflow never started would have no MIIT clock. The writes are short.
    /// </remarks>
    public async Task<IntakeOutcome> AcceptAsync(ReportSubmission? report, string bodyHash, IntakeChannel channel)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var policy = policies.Current;
        var errors = ReportValidator.Validate(report);
        var record = errors.IsEmpty
            ? new CaseRecord(Guid.NewGuid().ToString("N"), now, report!, policy.Version, policy.TimeZone, CaseStage.Received, MiitClock.Deadline(now, policy.MiitSubmission))
            : null;
        if (record is not null && !cases.Fits(record, ReportSpareBytes)) errors.Add("description", TooLargeToStore);
        if (record is null || !errors.IsEmpty)
        {
            await RejectAsync(channel, StatusCodes.Status400BadRequest, "invalid:" + string.Join(',', errors.ToDictionary().Keys));
            return new IntakeOutcome { Errors = errors };
        }

        var outcome = "Accepted";
        if (!string.IsNullOrEmpty(channel.IdempotencyKey))
        {
            var claim = await idempotency.ClaimAsync(channel.IdempotencyKey, new IdempotencyClaim(record.Id, bodyHash));
            if (claim.BodyHash != bodyHash)
            {
                await RejectAsync(channel, StatusCodes.Status422UnprocessableEntity, "idempotency-mismatch");
                return new IntakeOutcome { IdempotencyMismatch = true };
            }
            if (claim.CaseId != record.Id) (record, outcome) = (record with { Id = claim.CaseId }, "Replayed");
        }

        // A replay keeps the record its first attempt stored, and finishes whatever that attempt left
        // undone. Two attempts may also race (a client that timed out and retried at once): the one
        // whose insert lost reads the stored record, whose clock wins.
        var caseId = record.Id;
        if (!await cases.CreateAsync(record)) record = await cases.GetAsync(caseId) ?? record;
        // The record exists before anything refers to it. The intake log says 202 only once the
        // case has started.
        await StartCaseAsync(record, policy);
        await LogAsync(channel, outcome, StatusCodes.Status202Accepted, caseId, null);
        return new IntakeOutcome { Case = record };
    }

    /// <summary>
    /// Writes the stored case's "received" entry and starts its workflow. Both are idempotent writes,
    /// independent of each other, so an intake retried with its key, or the recovery of one that
    /// stopped after the record (<see cref="Maintenance.IntakeRecoveryRun"/>), redoes whatever is missing.
    /// </summary>
    public Task StartCaseAsync(CaseRecord record, WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(policy);
        return Task.WhenAll(
            audit.AppendAsync(record.Id, new AuditEntry("received", record.ReceivedAtUtc, TimelineTypes.Received, Articles.IntakeLog,
                $"Report received; MIIT deadline {record.MiitDeadlineUtc:O} under policy {record.PolicyVersion}.", "reporter")),
            workflows.StartAsync(nameof(ReportLifecycleOrchestrator), record.Id,
                new ReportLifecycleInput(record.Id, record.ReceivedAtUtc, policy, record.Report.UpstreamComponent is not null, ReportLifecycleInput.Current)));
    }

    /// <summary>Logs an attempt refused before its report could be read (wrong content type, bad JSON, …).</summary>
    public Task RejectAsync(IntakeChannel channel, int status, string? reason) => LogAsync(channel, "Rejected", status, null, reason);

    private Task LogAsync(IntakeChannel channel, string outcome, int status, string? caseId, string? reason) =>
        intakeLog.RecordAsync(new IntakeAttempt(
            time.GetUtcNow().UtcDateTime, outcome, status, caseId, Truncate(reason, 500),
            Truncate(channel.ContentType, 200), channel.ContentLength, channel.RemoteAddress), CancellationToken.None);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
