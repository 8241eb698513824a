using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Escalates a recorded breach of Art. 7(2) to the PSIRT (<see cref="RecordMiitDeadlineMissedActivity"/>).
/// A submission recorded meanwhile (this step may wait out a mail outage) wins: nothing is sent, and a
/// held-up escalation is withdrawn, unless an earlier attempt sent it.
/// </summary>
public sealed class SendMiitBreachEscalationActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var escalation = CaseMails.Breach(record, psirt.Value.Addresses);
        if (record.MiitSubmitted && await mail.WithdrawUnlessSentAsync(record, Articles.SubmitToMiit, escalation, CaseMails.SubmittedMeanwhile)) return false;
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.SubmitToMiit, escalation);
        await journal.RecordAsync(input.CaseId, "escalation-deadline", TimelineTypes.Escalation, Articles.SubmitToMiit,
            MailDispatcher.Describe(sent, $"Deadline missed: escalated to {psirt.Value.Addresses.Count} PSIRT address(es).",
                $"Deadline missed; the escalation to {psirt.Value.Addresses.Count} PSIRT address(es)"));
        return true;
    }
}
