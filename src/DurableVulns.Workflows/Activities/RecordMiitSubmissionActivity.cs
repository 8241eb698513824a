using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records the submission to MIIT's platform with its receipt (Art. 7(2)); it stops the clock.</summary>
public sealed class RecordMiitSubmissionActivity(CaseJournal journal) : TaskActivity<CaseActionInput<MiitSubmission>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<MiitSubmission> input)
    {
        var now = journal.UtcNow;
        var record = await journal.Cases.UpdateAsync(input.CaseId, r => r.MiitSubmitted
            ? r
            : r with { MiitSubmittedAtUtc = now, MiitReceiptId = input.Action.Body.ReceiptId });
        var timing = record.MiitSubmittedAtUtc <= record.MiitDeadlineUtc ? "on time" : "late";
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.MiitSubmitted, Articles.SubmitToMiit,
            $"Submitted to MIIT {timing}; receipt {record.MiitReceiptId}.", input.Action.Actor);
        return true;
    }
}
