using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records an early-disclosure request (Art. 9(1)); its id is the request's action id.</summary>
public sealed class RecordDisclosureRequestActivity(CaseJournal journal) : TaskActivity<CaseActionInput<DisclosureRequest>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<DisclosureRequest> input)
    {
        var now = journal.UtcNow;
        var requestId = input.Action.ActionId;
        var request = input.Action.Body;
        if (await journal.UpdateOrRefuseAsync(input.CaseId, input.Action, "RequestDisclosure", r => r.Disclosure?.RequestId == requestId
            ? r
            : r with { Disclosure = new DisclosureRecord(requestId, request, now, ReviewState.Pending) }) is null) return false;
        await journal.RecordAsync(input.CaseId, requestId, TimelineTypes.DisclosureRequested, Articles.Embargo,
            $"Early disclosure requested by the {request.RequestedBy} for {request.ProposedDate:yyyy-MM-dd}; MIIT and MPS asked to review.",
            input.Action.Actor);
        return true;
    }
}
