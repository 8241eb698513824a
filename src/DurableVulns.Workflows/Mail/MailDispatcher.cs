using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// Sends a logical message once: the sent-mail log is checked before sending and written
/// after. A crash between the two can repeat a send (at least once); the pickup mailer
/// names its files by key, so locally a repeat overwrites rather than duplicates.
/// A message the mail service refuses for good is a dead letter: it is logged as an error and
/// written to the case's audit trail, and the case goes on, because retrying it would hold back
/// the case's later steps (its MIIT clock among them) for ever. Any other failure throws, so the
/// activity is retried.
/// </summary>
public sealed partial class MailDispatcher(IMailer mailer, ISentMailLog sentMail, CaseJournal journal, ILogger<MailDispatcher> logger)
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
            LogRefused(logger, mail.Key, refused.Message);
            await journal.RecordAsync(caseId, RefusalKey(mail.Key), TimelineTypes.MailRefused, article,
                $"Message {mail.Key} to {mail.To.Count} address(es) was not delivered: {refused.Message} Reach its recipients another way.");
            return MailOutcome.Refused;
        }
        await sentMail.MarkSentAsync(mail.Key, journal.UtcNow, cancellationToken);
        return MailOutcome.Sent;
    }

    /// <summary>The audit key of a refused message: one entry per message, however often its activity is retried.</summary>
    public static string RefusalKey(string mailKey) => "mail-refused:" + mailKey;

    /// <summary>
    /// A step's audit detail: <paramref name="sent"/>, or, when the step's one message was refused,
    /// "<paramref name="message"/> not delivered: …".
    /// </summary>
    public static string Describe(MailOutcome outcome, string sent, string message) => outcome == MailOutcome.Refused
        ? $"{message} not delivered: the mail service refused it (see the MailRefused entry)."
        : sent;

    /// <summary>A step's audit <paramref name="detail"/>, with how many of its messages were refused, if any.</summary>
    public static string Describe(int refused, string detail) => refused == 0
        ? detail
        : $"{detail} {refused} of its messages not delivered: the mail service refused them (see the MailRefused entries).";

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail service refused message {MailKey} for good ({Reason}); it is recorded on the case and not retried.")]
    private static partial void LogRefused(ILogger logger, string mailKey, string reason);
}
