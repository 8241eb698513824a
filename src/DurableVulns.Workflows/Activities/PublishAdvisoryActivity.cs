using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Publishes the advisory that passed the gate: records it and sends it to its recipients.
/// Only domestic recipients get it (Art. 9(7)); the gate has refused any other already. A
/// national-event window that begins before it went out holds it until the window ends.
/// </summary>
public sealed class PublishAdvisoryActivity(CaseJournal journal, MailDispatcher mail) : TaskActivity<PublishInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PublishInput input)
    {
        var now = journal.UtcNow;
        var (id, command) = (input.Action.ActionId, input.Action.Body);
        if (command.Blackout is null && command.BlackoutAt(now) is { } begun)
        {
            // Art. 9(6): a window began before the advisory went out (this step was retried through a
            // mail outage). MPS consented to nothing here, so the step waits, retried, until it ends.
            await journal.RecordAsync(input.CaseId, $"blackout-began-{id}", TimelineTypes.BlackoutHeld, Articles.NationalEvents,
                $"The national event '{begun}' began before the advisory went out to all its recipients: it goes out when the event ends.");
            throw new InvalidOperationException($"Publication {id} waits: the national event '{begun}' began before it went out.");
        }
        var record = await journal.Cases.UpdateAsync(input.CaseId, r => r.Publication switch
        {
            { PublishedAtUtc: not null } => r,
            { } held when held.PublicationId == id => r with { Publication = held with { PublishedAtUtc = now } },
            _ => r with { Publication = new PublicationRecord(id, command.Advisory, now, PublishedAtUtc: now) },
        });
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
