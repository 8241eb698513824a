namespace DurableVulns.Domain.Rules;

/// <summary>The PSIRT's actions on a case.</summary>
public enum CaseAction
{
    Assess,
    SubmitToMiit,
    ReleasePatch,
    Close,
}
