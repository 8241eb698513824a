using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// At the deadline with no submission: records the breach of Art. 7(2) and escalates.
/// The case goes on; a late submission is still accepted and recorded as late.
/// </summary>
public sealed class RecordMiitBreachActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
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
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.SubmitToMiit, CaseMails.Breach(record, psirt.Value.Addresses));
        await journal.RecordAsync(input.CaseId, "escalation-deadline", TimelineTypes.Escalation, Articles.SubmitToMiit,
            MailDispatcher.Describe(sent, $"Deadline missed: escalated to {psirt.Value.Addresses.Count} PSIRT address(es).",
                $"Deadline missed; the escalation to {psirt.Value.Addresses.Count} PSIRT address(es)"));
        return true;
    }
}
