using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records that the fix has shipped (Art. 7(3)); the affected-user notice follows.</summary>
public sealed class ReleasePatchActivity(CaseJournal journal) : TaskActivity<CaseActionInput<PatchRelease>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<PatchRelease> input)
    {
        var patch = input.Action.Body;
        await journal.Cases.UpdateAsync(input.CaseId, r => r with { Patch = patch, Stage = CaseStage.PatchReleased });
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.PatchReleased, Articles.PatchAndNotifyUsers,
            $"Fixed in version {patch.FixedVersion}.", input.Action.Actor);
        return true;
    }
}
