using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Disclosure;

/// <summary>Art. 9(1): an approved early disclosure lifts the embargo on its proposed date, in the case's time zone.</summary>
public sealed class PublicationGateTests
{
    private static readonly DateOnly ProposedDate = new(2026, 12, 20);

    // 2026-12-20 00:00 in Beijing.
    private static readonly DateTimeOffset ProposedDayStarts = new(2026, 12, 19, 16, 0, 0, TimeSpan.Zero);

    private static readonly Advisory Advisory = new("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")], false, false);

    [Fact]
    public void Check_ApprovedDisclosureBeforeItsDate_RefusedUnderArt91NamingTheDate()
    {
        // Arrange
        var record = Approved(CaseStage.Assessed);

        // Act
        var refusal = PublicationGate.Check(record, Advisory, ProposedDayStarts.AddMinutes(-1));

        // Assert
        Assert.NotNull(refusal);
        Assert.Equal(Articles.Embargo, refusal.Article);
        Assert.Contains("approved for 2026-12-20", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ApprovedDisclosureOnItsDateInBeijing_Passes()
    {
        // Arrange
        var record = Approved(CaseStage.Assessed);

        // Act
        var refusal = PublicationGate.Check(record, Advisory, ProposedDayStarts);

        // Assert
        Assert.Null(refusal);
    }

    [Fact]
    public void Check_PatchReleasedBeforeTheApprovedDate_Passes()
    {
        // Arrange
        var record = Approved(CaseStage.PatchReleased);

        // Act
        var refusal = PublicationGate.Check(record, Advisory, ProposedDayStarts.AddDays(-5));

        // Assert
        Assert.Null(refusal);
    }

    private static CaseRecord Approved(CaseStage stage)
    {
        var received = new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
        return new CaseRecord("case-1", received, Samples.Report(), "test", ChinaTime.DefaultZone, stage, received.AddHours(48))
        {
            Disclosure = new DisclosureRecord("r1", new DisclosureRequest("provider", "Exploited in the wild.", ProposedDate, "Agreed."), received, ReviewState.Approved),
        };
    }
}
