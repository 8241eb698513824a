using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Mail;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Acknowledges the report to its finder (Art. 6).</summary>
public sealed class AcknowledgeReporterActivity(CaseJournal journal, MailDispatcher mail) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string caseId)
    {
        var record = await journal.GetAsync(caseId);
        var sent = await mail.SendOnceAsync(caseId, Articles.Reporting, CaseMails.Acknowledgement(record));
        await journal.RecordAsync(caseId, "acknowledged", TimelineTypes.Acknowledged, Articles.Reporting,
            MailDispatcher.Describe(sent, "Acknowledgement sent to the reporter.", "Acknowledgement to the reporter"));
        return true;
    }
}
