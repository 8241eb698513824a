using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records the PSIRT's verification and assessment (Art. 7(1)).</summary>
public sealed class RecordAssessmentActivity(CaseJournal journal) : TaskActivity<CaseActionInput<Assessment>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseActionInput<Assessment> input)
    {
        var assessment = input.Action.Body;
        await journal.Cases.UpdateAsync(input.CaseId, r => r with { Assessment = assessment, Stage = CaseStage.Assessed });
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.Assessed, Articles.VerifyAndNotifyUpstream,
            $"Severity {assessment.Severity}; affected versions {string.Join(", ", assessment.AffectedVersions)}.",
            input.Action.Actor);
        return true;
    }
}
