using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// Sends a logical message once: the sent-mail log is checked before sending and written
/// after. A crash between the two can repeat a send (at least once); the pickup mailer
/// names its files by key, so locally a repeat overwrites rather than duplicates.
/// A message the mail service refuses for good is a dead letter: it is logged as an error, written
/// to the case's audit trail and to the sent-mail log (so that a retried activity does not send it
/// again), and the case goes on, because retrying it would hold back the case's later messages (and,
/// in cases started before its mail queue, its later steps, the MIIT clock among them) for ever.
/// Any other failure throws, so the activity is retried. Its first failure also writes a MailDelayed entry and marks the message held up on the case record, which
/// the console's list shows, so that the PSIRT sees that a message it owes is held up (the worker's
/// log alone told nobody); the send that ends the delay writes a MailSentAfterDelay entry and clears
/// the mark.
/// </summary>
public sealed partial class MailDispatcher(IMailer mailer, ISentMailLog sentMail, CaseJournal journal, ILogger<MailDispatcher> logger)
{
    /// <summary>Sends <paramref name="mail"/> for case <paramref name="caseId"/> unless its key was sent before.</summary>
    /// <param name="article">The duty the message serves, for the audit entry of a refusal or a delay.</param>
    public async Task<MailOutcome> SendOnceAsync(string caseId, string article, OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (mail.To.Count == 0) return MailOutcome.NoRecipients;
        var state = await sentMail.StateAsync(mail.Key, cancellationToken);
        if (state == SentMailState.SentAfterDelay)
        {
            // A retry after the send that ended a delay: finish what that attempt may not have.
            await RecordSentAfterDelayAsync(caseId, article, mail);
        }
        if (state is SentMailState.Sent or SentMailState.SentAfterDelay) return MailOutcome.SentBefore;
        if (state == SentMailState.Refused)
        {
            // A retry after the refusal (a crash after it): a dead letter is not sent again.
            await ReleaseAsync(caseId, mail.Key);
            return MailOutcome.Refused;
        }
        try
        {
            await mailer.SendAsync(mail, cancellationToken);
        }
        catch (MailRefusedException refused)
        {
            LogRefused(logger, Shown(mail.Key), refused.Message);
            await journal.RecordAsync(caseId, RefusalKey(mail.Key), TimelineTypes.MailRefused, article,
                $"Message {Shown(mail.Key)} to {mail.To.Count} address(es) was not delivered: {refused.Message} Reach its recipients another way.");
            await sentMail.MarkRefusedAsync(mail.Key, journal.UtcNow, cancellationToken);
            // A refusal ends a delay too (its entry takes over); another attempt may have marked it.
            await ReleaseAsync(caseId, mail.Key);
            return MailOutcome.Refused;
        }
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            // Only a stop the caller asked for is not a failure; a timeout of the mail service's
            // client (a TaskCanceledException too) is an outage like any other.
            await RecordDelayAsync(caseId, article, mail, failure);
            throw;
        }
        // Whether this send ended a delay comes from the log, not from the state read before the
        // send: another attempt may have marked the message delayed meanwhile.
        if (await sentMail.MarkSentAsync(mail.Key, journal.UtcNow, cancellationToken)) await RecordSentAfterDelayAsync(caseId, article, mail);
        return MailOutcome.Sent;
    }

    /// <summary>
    /// Withdraws the held-up marks of a step's messages that the step no longer sends, each with a
    /// MailWithdrawn entry that gives <paramref name="reason"/>: a message to a reviewer taken out of
    /// the configuration while it was held up is not retried, so its mark would stay for ever. A mark
    /// belongs to the step when it shows as one of <paramref name="attempted"/> (their keys differ only
    /// in the address), and the step no longer sends it when none of them has its key. <paramref name="before"/>
    /// is the case as the step read it first: marks made since are the step's own messages. The
    /// sent-mail log has the last word: a message that went out after all (an earlier attempt sent it
    /// and stopped before clearing its mark), or was refused, only has its mark cleared.
    /// </summary>
    public async Task WithdrawUnsentAsync(CaseRecord before, IReadOnlyCollection<OutgoingMail> attempted, string reason)
    {
        if (before.MailHeldUp is not { Count: > 0 } held) return;
        var shown = attempted.Select(m => Shown(m.Key)).ToHashSet(StringComparer.Ordinal);
        var keyHashes = attempted.Select(m => TextHash.Sha256Hex(m.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var unsent in held.Where(m => shown.Contains(m.Message) && !keyHashes.Contains(m.KeyHash)))
        {
            if (await sentMail.StateOfHashAsync(unsent.KeyHash) is SentMailState.NotSent or SentMailState.Delayed)
                await WithdrawAsync(before.Id, unsent.KeyHash, unsent.Message, unsent.Article, unsent.SinceUtc, reason);
            await journal.Cases.UpdateAsync(before.Id, r => r.WithoutMailHeldUpHash(unsent.KeyHash));
        }
    }

    /// <summary>
    /// Gives up <paramref name="mail"/>, whose reason has gone (a MIIT reminder that waited in the case's
    /// mail queue while the submission was recorded), unless it went out: true when it was not sent. If a
    /// failed send held it up, it is withdrawn: a MailWithdrawn entry that gives <paramref name="reason"/>,
    /// its sent-mail row marked withdrawn and the case's mark cleared. False when an earlier attempt sent
    /// (or had refused) it: the step then finishes as for a send, so that its entry is not lost.
    /// </summary>
    public async Task<bool> WithdrawUnlessSentAsync(CaseRecord record, string article, OutgoingMail mail, string reason)
    {
        var keyHash = TextHash.Sha256Hex(mail.Key);
        var state = await sentMail.StateOfHashAsync(keyHash);
        if (state is not (SentMailState.NotSent or SentMailState.Delayed)) return false;
        if (state == SentMailState.Delayed)
        {
            var since = record.MailHeldUp?.FirstOrDefault(m => m.KeyHash == keyHash)?.SinceUtc;
            await WithdrawAsync(record.Id, keyHash, Shown(mail.Key), article, since, reason);
            // Cleared whatever the record read before showed: another attempt may have marked it since.
            await journal.Cases.UpdateAsync(record.Id, r => r.WithoutMailHeldUpHash(keyHash));
        }
        return true;
    }

    private async Task WithdrawAsync(string caseId, string keyHash, string message, string article, DateTime? heldUpSinceUtc, string reason)
    {
        LogWithdrawn(logger, message, reason);
        var since = heldUpSinceUtc is { } at ? $", held up since {at:O}," : ", held up,";
        await journal.RecordAsync(caseId, WithdrawalKey(keyHash), TimelineTypes.MailWithdrawn, article,
            $"Message {message}{since} is no longer sent: {reason}");
        // Its row would otherwise stay held up, and so never be purged.
        await sentMail.MarkWithdrawnAsync(keyHash, journal.UtcNow);
    }

    /// <summary>The audit key of a withdrawn message, by the hash its mark keeps (the key holds the reviewer's address).</summary>
    public static string WithdrawalKey(string keyHash) => "mail-withdrawn:" + keyHash;

    /// <summary>The audit key of a refused message: one entry per message, however often its activity is retried.</summary>
    public static string RefusalKey(string mailKey) => "mail-refused:" + mailKey;

    /// <summary>The audit key of a held-up message: one entry, at its first failed send, however long the failures last.</summary>
    public static string DelayKey(string mailKey) => "mail-delayed:" + mailKey;

    /// <summary>The audit key of the send that ended a message's delay.</summary>
    public static string SentAfterDelayKey(string mailKey) => "mail-sent-after-delay:" + mailKey;

    /// <summary>
    /// A message's key as a case entry or a log line shows it: the segments that are addresses (the
    /// advisory's recipients, the reviewers) are left out, since the timeline goes to every PSIRT
    /// reader and log lines name messages without addresses.
    /// </summary>
    public static string Shown(string mailKey) => string.Join('/', mailKey.Split('/').Select(part => part.Contains('@') ? "…" : part));

    // Best effort: the entry and the marks must not hide the send's own failure, which is what gets
    // retried. In a storage outage they cannot be written either; the log still has both. The case
    // is marked only while the sent-mail log says the message is delayed, and checked again after,
    // because another attempt may have sent it or had it refused (and found nothing to clear) in between.
    private async Task RecordDelayAsync(string caseId, string article, OutgoingMail mail, Exception failure)
    {
        LogDelayed(logger, failure, Shown(mail.Key));
        try
        {
            await journal.RecordAsync(caseId, DelayKey(mail.Key), TimelineTypes.MailDelayed, article,
                $"Message {Shown(mail.Key)} to {mail.To.Count} address(es) could not be sent yet: {Reason(failure)} " +
                "It is retried on the policy's intervals until the mail service takes it, and this step of the case waits until then.");
            if (await sentMail.MarkDelayedAsync(mail.Key, journal.UtcNow) is not { } since) return;
            await journal.Cases.UpdateAsync(caseId, r => r.WithMailHeldUp(HeldUpMail.Of(mail.Key, Shown(mail.Key), article, since)));
            if (await sentMail.StateAsync(mail.Key) is not SentMailState.Delayed) await ReleaseAsync(caseId, mail.Key);
        }
        catch (Exception auditFailure)
        {
            LogDelayNotRecorded(logger, auditFailure, Shown(mail.Key));
        }
    }

    // Not best effort: a case must not stay marked for a message that went out. If this fails, the
    // activity is retried, finds the message sent after its delay, and comes back here.
    private async Task RecordSentAfterDelayAsync(string caseId, string article, OutgoingMail mail)
    {
        await journal.RecordAsync(caseId, SentAfterDelayKey(mail.Key), TimelineTypes.MailSentAfterDelay, article,
            $"Message {Shown(mail.Key)} to {mail.To.Count} address(es), held up before (see its MailDelayed entry), was sent.");
        await ReleaseAsync(caseId, mail.Key);
    }

    // A case without the mark is read and not written.
    private Task ReleaseAsync(string caseId, string mailKey) => journal.Cases.UpdateAsync(caseId, r => r.WithoutMailHeldUp(mailKey));

    // What a PSIRT reader may see of a failure: the mail service's status, or the kind of failure.
    // Other exception messages can carry server paths; the log has them in full.
    private static string Reason(Exception failure) => failure switch
    {
        MailServiceException => failure.Message,
        TaskCanceledException or TimeoutException => "The mail service did not answer in time.",
        HttpRequestException => "The mail service could not be reached.",
        _ => $"Sending failed ({failure.GetType().Name}; the worker's log has the details).",
    };

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MailKey} could not be sent; its activity is retried.")]
    private static partial void LogDelayed(ILogger logger, Exception failure, string mailKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MailKey}, held up before, is no longer sent: {Reason}")]
    private static partial void LogWithdrawn(ILogger logger, string mailKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MailKey} could not be sent, and its MailDelayed entry or held-up mark could not be written either.")]
    private static partial void LogDelayNotRecorded(ILogger logger, Exception failure, string mailKey);
}
