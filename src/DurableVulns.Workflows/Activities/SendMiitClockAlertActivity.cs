using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// A reminder or escalation of the MIIT clock (Art. 7(2)) to the PSIRT. A submission
/// recorded meanwhile wins: the case record is checked first, nothing is sent, and a held-up
/// alert is withdrawn, unless an earlier attempt sent it (its entry is then written).
/// </summary>
public sealed class SendMiitClockAlertActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var alert = CaseMails.ClockAlert(record, input.Step, psirt.Value.Addresses);
        // The step may have waited in the case's mail queue (an outage, perhaps) while the submission was recorded.
        if (record.MiitSubmitted && await mail.WithdrawUnlessSentAsync(record, Articles.SubmitToMiit, alert, CaseMails.SubmittedMeanwhile)) return false;
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.SubmitToMiit, alert);
        var type = input.Step.Kind == ClockStepKind.Escalation ? TimelineTypes.Escalation : TimelineTypes.Reminder;
        var step = $"{input.Step.Kind} {input.Step.Ordinal + 1}: MIIT submission due {record.MiitDeadlineUtc:O}";
        var addresses = $"{psirt.Value.Addresses.Count} PSIRT address(es)";
        await journal.RecordAsync(input.CaseId, input.Step.Key, type, Articles.SubmitToMiit,
            MailDispatcher.Describe(sent, $"{step}; sent to {addresses}.", $"{step}; the alert to {addresses}"));
        return true;
    }
}
