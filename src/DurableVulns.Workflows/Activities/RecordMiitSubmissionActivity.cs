using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Records the submission to MIIT's platform with its receipt (Art. 7(2)); it stops the clock.
/// The submission counts from when the API accepted it, not from when it was applied: if the
/// deadline's breach was recorded while an action accepted in time waited (a worker's failover),
/// the breach is withdrawn, and the audit entry says so beside the breach entry it corrects.
/// </summary>
public sealed class RecordMiitSubmissionActivity(CaseJournal journal) : TaskActivity<CaseActionInput<MiitSubmission>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<MiitSubmission> input)
    {
        var submittedAt = input.Action.AcceptedAtUtc ?? journal.UtcNow;
        var record = await journal.Cases.UpdateAsync(input.CaseId, r => r.MiitSubmitted
            ? r
            : r with
            {
                MiitSubmittedAtUtc = submittedAt,
                MiitReceiptId = input.Action.Body.ReceiptId,
                MiitBreached = r.MiitBreached && submittedAt > r.MiitDeadlineUtc,
            });
        var onTime = record.MiitSubmittedAtUtc <= record.MiitDeadlineUtc;
        // Decided from what is stored, not from this attempt's update, so that a retry after a
        // crash between the two writes still says it: only an action applied after the deadline
        // can have waited behind a breach record, so only then is the audit trail read.
        var withdrawn = onTime && journal.UtcNow > record.MiitDeadlineUtc
            && await journal.HasEntryAsync(input.CaseId, RecordMiitDeadlineMissedActivity.BreachEntryKey);
        var correction = withdrawn
            ? $" It was accepted at {record.MiitSubmittedAtUtc?.AsUtc():O}, before the deadline, and applied after it; the deadline-missed record is withdrawn."
            : string.Empty;
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.MiitSubmitted, Articles.SubmitToMiit,
            $"Submitted to MIIT {(onTime ? "on time" : "late")}; receipt {record.MiitReceiptId}.{correction}", input.Action.Actor);
        return true;
    }
}
