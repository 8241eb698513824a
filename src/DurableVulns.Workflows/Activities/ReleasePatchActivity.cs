using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// The patch step of cases started before <see cref="ReportLifecycleInput.MailBesideTheLoop"/>:
/// records the fix and sends the affected-user notice in one activity (Art. 7(3)), so the case's
/// loop waits for the notice. Newer cases call <see cref="RecordPatchReleaseActivity"/> and
/// <see cref="SendAffectedUserNoticeActivity"/>; this one stays registered for the older ones.
/// </summary>
public sealed class ReleasePatchActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<CaseActionInput<PatchRelease>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<PatchRelease> input) =>
        await new RecordPatchReleaseActivity(journal).RunAsync(context, input)
        && await new SendAffectedUserNoticeActivity(journal, mail, psirt).RunAsync(context, input);
}
