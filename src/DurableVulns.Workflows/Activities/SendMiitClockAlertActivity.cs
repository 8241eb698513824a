using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// A reminder or escalation of the MIIT clock (Art. 7(2)) to the PSIRT. A submission
/// recorded meanwhile wins (<see cref="MiitAlerts"/>).
/// </summary>
public sealed class SendMiitClockAlertActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var type = input.Step.Kind == ClockStepKind.Escalation ? TimelineTypes.Escalation : TimelineTypes.Reminder;
        var step = $"{input.Step.Kind} {input.Step.Ordinal + 1}: MIIT submission due {record.MiitDeadlineUtc:O}";
        var addresses = $"{psirt.Value.Addresses.Count} PSIRT address(es)";
        return await MiitAlerts.SendUnlessSubmittedAsync(journal, mail, record, CaseMails.ClockAlert(record, input.Step, psirt.Value.Addresses),
            input.Step.Key, type, $"{step}; sent to {addresses}.", $"{step}; the alert to {addresses}");
    }
}
