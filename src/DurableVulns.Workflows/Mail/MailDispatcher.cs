using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// Sends a logical message once: the sent-mail log is checked before sending and written
/// after. A crash between the two can repeat a send (at least once); the pickup mailer
/// names its files by key, so locally a repeat overwrites rather than duplicates.
/// </summary>
public sealed class MailDispatcher(IMailer mailer, ISentMailLog sentMail, TimeProvider time)
{
    /// <summary>Sends <paramref name="mail"/> unless its key was sent before; true when it sent now.</summary>
    public async Task<bool> SendOnceAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (mail.To.Count == 0) return false;
        if (await sentMail.WasSentAsync(mail.Key, cancellationToken)) return false;
        await mailer.SendAsync(mail, cancellationToken);
        await sentMail.MarkSentAsync(mail.Key, time.GetUtcNow().UtcDateTime, cancellationToken);
        return true;
    }
}
