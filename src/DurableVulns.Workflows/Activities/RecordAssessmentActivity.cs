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
        // Only before the patch, as the workflow takes it: a copy of this step that ran late (its
        // message's lease ran out and another worker ran it too) must not move the case back.
        if (await journal.UpdateOrRefuseAsync(input.CaseId, input.Action, "Assess", r => r.Stage is CaseStage.Received or CaseStage.Assessed
            ? r with { Assessment = assessment, Stage = CaseStage.Assessed }
            : r) is null) return false;
        await journal.RecordAsync(input.CaseId, input.Action.ActionId, TimelineTypes.Assessed, Articles.VerifyAndNotifyUpstream,
            $"Severity {assessment.Severity}; affected versions {string.Join(", ", assessment.AffectedVersions)}.",
            input.Action.Actor);
        return true;
    }
}
