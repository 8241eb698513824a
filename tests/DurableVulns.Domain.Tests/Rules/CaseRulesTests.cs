using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Rules;

public sealed class CaseRulesTests
{
    [Theory]
    [InlineData(CaseAction.Assess, CaseStage.Received, false)]
    [InlineData(CaseAction.Assess, CaseStage.Received, true)]
    [InlineData(CaseAction.Assess, CaseStage.Assessed, false)]
    [InlineData(CaseAction.Assess, CaseStage.Assessed, true)]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Assessed, false)]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.PatchReleased, false)]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Assessed, false)]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Assessed, true)]
    [InlineData(CaseAction.Close, CaseStage.PatchReleased, true)]
    public void Refusal_AllowedAction_ReturnsNull(CaseAction action, CaseStage stage, bool miitSubmitted)
    {
        // Arrange
        // (the inputs are the case's state)

        // Act
        var refusal = CaseRules.Refusal(action, stage, miitSubmitted);

        // Assert
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(CaseAction.Assess, CaseStage.Closed, false, "closed")]
    [InlineData(CaseAction.Assess, CaseStage.Closed, true, "closed")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Closed, false, "closed")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Closed, true, "closed")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Closed, false, "closed")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Closed, true, "closed")]
    [InlineData(CaseAction.Close, CaseStage.Closed, false, "closed")]
    [InlineData(CaseAction.Close, CaseStage.Closed, true, "closed")]
    [InlineData(CaseAction.Assess, CaseStage.PatchReleased, false, "assessment can no longer change")]
    [InlineData(CaseAction.Assess, CaseStage.PatchReleased, true, "assessment can no longer change")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Received, true, "already been recorded")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Assessed, true, "already been recorded")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.PatchReleased, true, "already been recorded")]
    [InlineData(CaseAction.SubmitToMiit, CaseStage.Received, false, "technicalCharacteristics, harm and scope")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Received, false, "affected versions")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.Received, true, "affected versions")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.PatchReleased, false, "already been released")]
    [InlineData(CaseAction.ReleasePatch, CaseStage.PatchReleased, true, "already been released")]
    [InlineData(CaseAction.Close, CaseStage.Received, false, "Art. 9(1)")]
    [InlineData(CaseAction.Close, CaseStage.Received, true, "Art. 9(1)")]
    [InlineData(CaseAction.Close, CaseStage.Assessed, false, "Art. 9(1)")]
    [InlineData(CaseAction.Close, CaseStage.Assessed, true, "Art. 9(1)")]
    [InlineData(CaseAction.Close, CaseStage.PatchReleased, false, "Art. 7(2)")]
    public void Refusal_RefusedAction_SaysWhy(CaseAction action, CaseStage stage, bool miitSubmitted, string expectedReason)
    {
        // Arrange
        // (the inputs are the case's state)

        // Act
        var refusal = CaseRules.Refusal(action, stage, miitSubmitted);

        // Assert
        Assert.NotNull(refusal);
        Assert.Contains(expectedReason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_EveryStateOfEveryAction_IsCoveredAbove()
    {
        // Arrange
        var combinations =
            from action in Enum.GetValues<CaseAction>()
            from stage in Enum.GetValues<CaseStage>()
            from submitted in new[] { false, true }
            select (action, stage, submitted);

        // Act
        var allowed = combinations.Where(c => CaseRules.Refusal(c.action, c.stage, c.submitted) is null).ToList();

        // Assert: exactly the nine allowed cases of Refusal_AllowedAction_ReturnsNull; the other 23 are refused.
        Assert.Equal(32, combinations.Count());
        Assert.Equal(9, allowed.Count);
    }
}
