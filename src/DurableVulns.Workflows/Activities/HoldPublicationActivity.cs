using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Holds a publication requested in a blackout window until MPS consents (Art. 9(6)).</summary>
public sealed class HoldPublicationActivity(CaseJournal journal) : TaskActivity<CaseActionInput<PublicationCommand>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<PublicationCommand> input)
    {
        var now = journal.UtcNow;
        var (id, command) = (input.Action.ActionId, input.Action.Body);
        // A little more kept free than for a publication sent at once: a publication the publishing
        // step found too large (its record a few bytes larger than this one) is refused here too.
        if (await journal.UpdateOrRefuseAsync(input.CaseId, input.Action, "Publish", r => r.Publication?.PublicationId == id
            ? r
            : r with { Publication = new PublicationRecord(id, command.Advisory, now, command.Blackout, ReviewState.Pending) },
            spareBytes: CaseJournal.HeldPublicationSpareBytes) is null) return false;
        await journal.RecordAsync(input.CaseId, id, TimelineTypes.BlackoutHeld, Articles.NationalEvents,
            $"Publication held during '{command.Blackout}': MPS consent requested.", input.Action.Actor);
        return true;
    }
}
