using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Rules;

/// <summary>
/// Which PSIRT action a case allows at which stage. The API asks before it acts, and the
/// orchestration asks again when the action arrives, so a race cannot slip one through.
/// </summary>
public static class CaseRules
{
    /// <summary>Null when <paramref name="action"/> is allowed; otherwise why not.</summary>
    public static string? Refusal(CaseAction action, CaseStage stage, bool miitSubmitted)
    {
        if (stage == CaseStage.Closed) return "The case is closed.";
        return action switch
        {
            CaseAction.Assess when stage is CaseStage.PatchReleased =>
                "The patch has been released; the assessment can no longer change.",
            CaseAction.SubmitToMiit when miitSubmitted => "The MIIT submission has already been recorded.",
            CaseAction.SubmitToMiit when stage == CaseStage.Received =>
                "The case has not been assessed: the MIIT package lacks technicalCharacteristics, harm and scope.",
            CaseAction.ReleasePatch when stage == CaseStage.Received =>
                "The case has not been assessed: affected versions are needed to notify users.",
            CaseAction.ReleasePatch when stage == CaseStage.PatchReleased => "The patch has already been released.",
            CaseAction.Close when stage != CaseStage.PatchReleased =>
                "A case closes only after its patch is released (Art. 9(1): the embargo holds until then).",
            CaseAction.Close when !miitSubmitted =>
                "A case closes only after its submission to MIIT is recorded (Art. 7(2)).",
            _ => null,
        };
    }

    /// <summary>Null when an early disclosure may be requested (Art. 9(1)); otherwise why not.</summary>
    public static string? DisclosureRefusal(CaseStage stage, ReviewState? current) => (stage, current) switch
    {
        (CaseStage.Closed, _) => "The case is closed.",
        (CaseStage.PatchReleased, _) => "The patch has been released: the embargo is over, no early disclosure is needed.",
        (_, ReviewState.Pending) => "An early-disclosure request is already open on this case.",
        (_, ReviewState.Approved) => "An early disclosure has already been approved for this case.",
        _ => null,
    };
}
