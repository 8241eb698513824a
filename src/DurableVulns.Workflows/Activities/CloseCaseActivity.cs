using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Closes the case; its orchestration ends after this.</summary>
public sealed class CloseCaseActivity(CaseJournal journal) : TaskActivity<CaseActionInput<CloseRequest>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<CloseRequest> input)
    {
        var now = journal.UtcNow;
        await journal.Cases.UpdateAsync(input.CaseId, r => r with { Stage = CaseStage.Closed, ClosedAtUtc = r.ClosedAtUtc ?? now });
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.Closed, Articles.Embargo,
            string.IsNullOrWhiteSpace(input.Action.Body.Reason) ? "Case closed." : $"Case closed: {input.Action.Body.Reason}",
            input.Action.Actor);
        return true;
    }
}
