using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Records that the fix has shipped (Art. 7(3)); <see cref="SendAffectedUserNoticeActivity"/> then
/// tells the users, beside the case's loop. Returns false when the record would not fit in storage
/// (the patch is then refused under its action id).
/// </summary>
public sealed class RecordPatchReleaseActivity(CaseJournal journal) : TaskActivity<CaseActionInput<PatchRelease>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<PatchRelease> input)
    {
        var patch = input.Action.Body;
        // A copy of this step that ran late must not reopen a closed case.
        var record = await journal.UpdateOrRefuseAsync(input.CaseId, input.Action, "ReleasePatch",
            r => r.Stage == CaseStage.Closed ? r : r with { Patch = patch, Stage = CaseStage.PatchReleased });
        if (record is null) return false;
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.PatchReleased, Articles.PatchAndNotifyUsers,
            $"Fixed in version {patch.FixedVersion}.", input.Action.Actor);
        return true;
    }
}
