using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Publishes the advisory that passed the gate: records it and sends it to its recipients.
/// Only domestic recipients get it (Art. 9(7)); the gate has refused any other already. Returns
/// false, and changes nothing, when a national-event window began before it went out.
/// </summary>
public sealed class PublishAdvisoryActivity(CaseJournal journal, MailDispatcher mail) : TaskActivity<PublishInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PublishInput input)
    {
        var now = journal.UtcNow;
        var (id, command) = (input.Action.ActionId, input.Action.Body);
        var begun = command.WindowBegunAt(now);
        // A held publication is in the record already (its hold kept room for this); one sent at once
        // adds its texts now. A refusal goes under the action id, which the API's caller waits for,
        // or, for a held one (whose id holds its BlackoutHeld entry), a key of its own.
        var record = await journal.UpdateOrRefuseAsync(input.CaseId, input.Action, "Publish", r => r.Publication switch
        {
            { PublishedAtUtc: not null } => r,
            _ when begun is not null => r,
            { } held when held.PublicationId == id => r with { Publication = held with { PublishedAtUtc = now } },
            _ => r with { Publication = new PublicationRecord(id, command.Advisory, now, PublishedAtUtc: now) },
        }, refusalKey: command.Blackout is null ? id : "publish-refused:" + id, spareBytes: command.Blackout is null ? CaseJournal.LongTextSpareBytes : 0);
        // Art. 9(6): a window began before the advisory went out, and MPS consented to nothing; the
        // workflow holds it for consent. One whose sending began before the window is sent on. False
        // too when the record would not fit (refused): a publication sent at once then meets the
        // hold's refusal, one held before ends there.
        if (record is not { Published: true }) return false;
        var advisory = record.Publication!.Advisory;
        var refused = 0;
        foreach (var recipient in advisory.Recipients.Where(r => r.Country == PublicationGate.Domestic))
        {
            if (await mail.SendOnceAsync(input.CaseId, Articles.FixWithPublication, ReviewMails.Advisory(record, advisory, recipient)) == MailOutcome.Refused)
                refused++;
        }
        await journal.RecordAsync(input.CaseId, input.AuditKey, TimelineTypes.Published, Articles.FixWithPublication,
            MailDispatcher.Describe(refused, $"Advisory '{advisory.Title}' published with its fix to {advisory.Recipients.Count} recipient(s)."), input.Action.Actor);
        return true;
    }
}
