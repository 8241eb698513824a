using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Escalates a recorded breach of Art. 7(2) to the PSIRT (<see cref="RecordMiitDeadlineMissedActivity"/>).
/// A submission recorded meanwhile wins (<see cref="MiitAlerts"/>).
/// </summary>
public sealed class SendMiitBreachEscalationActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var addresses = $"{psirt.Value.Addresses.Count} PSIRT address(es)";
        return await MiitAlerts.SendUnlessSubmittedAsync(journal, mail, record, CaseMails.Breach(record, psirt.Value.Addresses),
            "escalation-deadline", TimelineTypes.Escalation, $"Deadline missed: escalated to {addresses}.", $"Deadline missed; the escalation to {addresses}");
    }
}
