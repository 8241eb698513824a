using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Mail;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Tells the upstream component's provider at once (Art. 7(1)).</summary>
public sealed class NotifyUpstreamProviderActivity(CaseJournal journal, MailDispatcher mail) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string caseId)
    {
        var record = await journal.GetAsync(caseId);
        if (record.Report.UpstreamComponent is not { } component) return false;
        var sent = await mail.SendOnceAsync(caseId, Articles.VerifyAndNotifyUpstream, CaseMails.UpstreamNotice(record, component));
        await journal.RecordAsync(caseId, "upstream-notified", TimelineTypes.UpstreamNotified, Articles.VerifyAndNotifyUpstream,
            MailDispatcher.Describe(sent, $"Provider of upstream component '{component.Name}' notified.",
                $"Notice to the provider of upstream component '{component.Name}'"));
        return true;
    }
}
