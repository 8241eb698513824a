using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// What the MIIT clock's mail steps (<see cref="SendMiitClockAlertActivity"/>, <see cref="SendMiitBreachEscalationActivity"/>)
/// share. They may wait out a mail outage in the case's mail queue, so a submission recorded meanwhile
/// wins: nothing is sent, and a held-up alert is withdrawn, unless an earlier attempt sent it (its entry
/// is then written, as for a send).
/// </summary>
internal static class MiitAlerts
{
    /// <summary>Sends <paramref name="alert"/> and records its entry; false, having sent nothing, when the case was submitted meanwhile.</summary>
    public static async Task<bool> SendUnlessSubmittedAsync(CaseJournal journal, MailDispatcher mail, CaseRecord record, OutgoingMail alert,
        string entryKey, string entryType, string sentDetail, string undeliveredDetail)
    {
        if (record.MiitSubmitted && await mail.WithdrawUnlessSentAsync(record, Articles.SubmitToMiit, alert, CaseMails.SubmittedMeanwhile)) return false;
        var sent = await mail.SendOnceAsync(record.Id, Articles.SubmitToMiit, alert);
        await journal.RecordAsync(record.Id, entryKey, entryType, Articles.SubmitToMiit, MailDispatcher.Describe(sent, sentDetail, undeliveredDetail));
        return true;
    }
}
