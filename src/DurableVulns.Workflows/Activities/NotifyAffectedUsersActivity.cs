using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>Tells product users and downstream vendors of the risk and the fix (Art. 7(3)).</summary>
public sealed class NotifyAffectedUsersActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string caseId)
    {
        var record = await journal.GetAsync(caseId);
        if (record.Patch is not { } patch) return false;
        var options = psirt.Value;
        var to = options.AffectedUserAddresses.Count > 0 ? options.AffectedUserAddresses : options.Addresses;
        await mail.SendOnceAsync(CaseMails.AffectedUserNotice(record, patch, to));
        await journal.RecordAsync(caseId, "users-notified", TimelineTypes.UsersNotified, Articles.PatchAndNotifyUsers,
            $"Affected-user notice sent to {to.Count} address(es).");
        return true;
    }
}
