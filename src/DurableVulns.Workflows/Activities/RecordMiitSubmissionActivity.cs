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
        var withdrawn = false;
        var record = await journal.Cases.UpdateAsync(input.CaseId, r =>
        {
            if (r.MiitSubmitted) return r;
            withdrawn = r.MiitBreached && submittedAt <= r.MiitDeadlineUtc;
            return r with { MiitSubmittedAtUtc = submittedAt, MiitReceiptId = input.Action.Body.ReceiptId, MiitBreached = r.MiitBreached && !withdrawn };
        });
        var timing = record.MiitSubmittedAtUtc <= record.MiitDeadlineUtc ? "on time" : "late";
        var correction = withdrawn
            ? $" It was accepted at {submittedAt:O}, before the deadline, and applied after it; the deadline-missed record is withdrawn."
            : string.Empty;
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.MiitSubmitted, Articles.SubmitToMiit,
            $"Submitted to MIIT {timing}; receipt {record.MiitReceiptId}.{correction}", input.Action.Actor);
        return true;
    }
}
