using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// The deadline step of cases started before <see cref="ReportLifecycleInput.MailBesideTheLoop"/>:
/// records the breach of Art. 7(2) and escalates in one activity, so the case's loop waits for the
/// escalation mail. The case goes on; a late submission is still accepted and recorded as late.
/// Newer cases call <see cref="RecordMiitDeadlineMissedActivity"/> and <see cref="SendMiitBreachEscalationActivity"/>;
/// this one stays registered for the older ones.
/// </summary>
public sealed class RecordMiitBreachActivity(CaseJournal journal, MailDispatcher mail, IOptions<PsirtOptions> psirt)
    : TaskActivity<ClockStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ClockStepInput input) =>
        await new RecordMiitDeadlineMissedActivity(journal).RunAsync(context, input)
        && await new SendMiitBreachEscalationActivity(journal, mail, psirt).RunAsync(context, input);
}
