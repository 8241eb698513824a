using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// Sends a logical message once: the sent-mail log is checked before sending and written
/// after. A crash between the two can repeat a send (at least once); the pickup mailer
/// names its files by key, so locally a repeat overwrites rather than duplicates.
/// A message the mail service refuses for good is a dead letter: it is written to the case's
/// audit trail and the case goes on, because retrying it would hold back the case's later
/// steps (its MIIT clock among them) for ever. Any other failure throws, so the activity is retried.
/// </summary>
public sealed class MailDispatcher(IMailer mailer, ISentMailLog sentMail, IAuditLog audit, TimeProvider time)
{
    /// <summary>Sends <paramref name="mail"/> for case <paramref name="caseId"/> unless its key was sent before.</summary>
    /// <param name="article">The duty the message serves, for the audit entry of a refusal.</param>
    public async Task<MailOutcome> SendOnceAsync(string caseId, string article, OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (mail.To.Count == 0) return MailOutcome.NoRecipients;
        if (await sentMail.WasSentAsync(mail.Key, cancellationToken)) return MailOutcome.SentBefore;
        try
        {
            await mailer.SendAsync(mail, cancellationToken);
        }
        catch (MailRefusedException refused)
        {
            var detail = $"Message {mail.Key} to {mail.To.Count} address(es) was not delivered: {refused.Message} " +
                "It will not be sent again; reach its recipients another way.";
            await audit.AppendAsync(caseId, new AuditEntry(RefusalKey(mail.Key), time.GetUtcNow().UtcDateTime,
                TimelineTypes.MailRefused, article, detail, CaseJournal.SystemActor), cancellationToken);
            return MailOutcome.Refused;
        }
        await sentMail.MarkSentAsync(mail.Key, time.GetUtcNow().UtcDateTime, cancellationToken);
        return MailOutcome.Sent;
    }

    /// <summary>The audit key of a refused message: one entry per message, however often its activity is retried.</summary>
    public static string RefusalKey(string mailKey) => "mail-refused:" + mailKey;

    /// <summary>A step's audit <paramref name="detail"/>, marked when the step's message was refused.</summary>
    public static string Describe(MailOutcome outcome, string detail) => outcome == MailOutcome.Refused
        ? detail.TrimEnd('.') + " (not delivered: the mail service refused it; see the MailRefused entry)."
        : detail;
}
