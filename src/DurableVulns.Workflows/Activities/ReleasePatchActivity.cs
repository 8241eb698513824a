using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Records that the fix has shipped and tells product users and downstream vendors of the risk
/// and the fix (Art. 7(3)). One activity, not two: the notice follows the record in every case,
/// and each activity costs the case a further durable episode. A retry after a crash rewrites
/// the same record, finds both audit entries by their keys and sends the notice at most once
/// (its mail key).
/// </summary>
public sealed class ReleasePatchActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<CaseActionInput<PatchRelease>, bool>
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

        var options = psirt.Value;
        var to = options.AffectedUserAddresses.Count > 0 ? options.AffectedUserAddresses : options.Addresses;
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.PatchAndNotifyUsers, CaseMails.AffectedUserNotice(record, patch, to));
        await journal.RecordAsync(input.CaseId, "users-notified", TimelineTypes.UsersNotified, Articles.PatchAndNotifyUsers,
            MailDispatcher.Describe(sent, $"Affected-user notice sent to {to.Count} address(es).", $"Affected-user notice to {to.Count} address(es)"));
        return true;
    }
}
