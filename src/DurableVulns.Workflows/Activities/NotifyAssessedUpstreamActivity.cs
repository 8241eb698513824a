using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Tells the provider of the upstream component the assessment named at once (Art. 7(1)), unless it
/// is the provider the report named, who was told at intake.
/// </summary>
public sealed class NotifyAssessedUpstreamActivity(CaseJournal journal, MailDispatcher mail) : TaskActivity<CaseActionInput<Assessment>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<Assessment> input)
    {
        if (input.Action.Body.UpstreamComponent is not { } component) return false;
        var record = await journal.GetAsync(input.CaseId);
        if (string.Equals(record.Report.UpstreamComponent?.ProviderEmail, component.ProviderEmail, StringComparison.OrdinalIgnoreCase)) return false;
        var sent = await mail.SendOnceAsync(input.CaseId, Articles.VerifyAndNotifyUpstream, CaseMails.AssessedUpstreamNotice(record, component));
        // One entry per provider, keyed by a hash: the key would otherwise hold the address.
        await journal.RecordAsync(input.CaseId, "upstream-notified-" + TextHash.Sha256Hex(component.ProviderEmail.ToLowerInvariant())[..16],
            TimelineTypes.UpstreamNotified, Articles.VerifyAndNotifyUpstream,
            MailDispatcher.Describe(sent, $"Provider of upstream component '{component.Name}', named in the assessment, notified.",
                $"Notice to the provider of upstream component '{component.Name}', named in the assessment,"));
        return true;
    }
}
