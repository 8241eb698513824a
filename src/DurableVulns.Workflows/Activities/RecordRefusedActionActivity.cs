using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Records an action the orchestration refused (it lost a race with another action), so the
/// decision is in the audit trail and the caller waiting on it hears why.
/// </summary>
public sealed class RecordRefusedActionActivity(CaseJournal journal) : TaskActivity<RefusedAction, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RefusedAction input)
    {
        await journal.RecordAsync(input.CaseId, input.ActionId, TimelineTypes.ActionRefused, string.Empty,
            $"{input.Action} refused: {input.Reason}", input.Actor);
        return true;
    }
}
