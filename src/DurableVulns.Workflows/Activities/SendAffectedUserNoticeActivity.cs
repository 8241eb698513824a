using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Tells product users and downstream vendors of the risk and the fix (Art. 7(3)), once the patch
/// is recorded (<see cref="RecordPatchReleaseActivity"/>). A retry finds its audit entry by key and
/// sends the notice at most once (its mail key).
/// </summary>
public sealed class SendAffectedUserNoticeActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<CaseActionInput<PatchRelease>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<PatchRelease> input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var options = psirt.Value;
        var to = options.AffectedUserAddresses.Count > 0 ? options.AffectedUserAddresses : options.Addresses;
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.PatchAndNotifyUsers, CaseMails.AffectedUserNotice(record, input.Action.Body, to));
        await journal.RecordAsync(input.CaseId, "users-notified", TimelineTypes.UsersNotified, Articles.PatchAndNotifyUsers,
            MailDispatcher.Describe(sent, $"Affected-user notice sent to {to.Count} address(es).", $"Affected-user notice to {to.Count} address(es)"));
        return true;
    }
}
