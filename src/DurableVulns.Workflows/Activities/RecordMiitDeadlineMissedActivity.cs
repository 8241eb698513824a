using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// At the deadline with no submission: records the breach of Art. 7(2). Awaited by the case's loop,
/// so that a submission applied after it sees it (and withdraws it, if accepted in time);
/// <see cref="SendMiitBreachEscalationActivity"/> then escalates beside the loop. Returns false when
/// a submission was recorded first: no breach.
/// </summary>
public sealed class RecordMiitDeadlineMissedActivity(CaseJournal journal) : TaskActivity<ClockStepInput, bool>
{
    /// <summary>The key of the breach's audit entry; a submission accepted in time looks for it to withdraw it.</summary>
    public const string BreachEntryKey = "miit-deadline-missed";

    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        if (record.MiitSubmitted) return false;
        // Checked again in the update: a submission recorded since the read stands.
        record = await journal.Cases.UpdateAsync(input.CaseId, r => r.MiitSubmitted ? r : r with { MiitBreached = true });
        if (record.MiitSubmitted) return false;
        await journal.RecordAsync(input.CaseId, BreachEntryKey, TimelineTypes.MiitDeadlineMissed, Articles.SubmitToMiit,
            $"Not submitted to MIIT by the deadline {record.MiitDeadlineUtc:O}.");
        return true;
    }
}
