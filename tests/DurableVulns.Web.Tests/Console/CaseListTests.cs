using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Web.Console;
using DurableVulns.Web.Tests.Dashboard;

namespace DurableVulns.Web.Tests.Console;

public sealed class CaseListTests
{
    private static readonly DateTime Now = DashboardSamples.Now;

    [Fact]
    public void From_MixedCases_OverdueFirstThenLeastTimeLeftThenStoppedClocks()
    {
        var records = new[]
        {
            DashboardSamples.Case("later", Now.AddHours(30)),
            DashboardSamples.Case("submitted", Now.AddHours(1), submittedUtc: Now.AddHours(-2)),
            DashboardSamples.Case("overdue", Now.AddHours(-3)),
            DashboardSamples.Case("soon", Now.AddHours(5)),
            DashboardSamples.Case("closed", Now.AddHours(-10), CaseStage.Closed),
        };

        var list = CaseList.From(records, CaseListQuery.Parse(null, null, null), Now, pageSize: 50);

        Assert.Equal(["overdue", "soon", "later", "submitted"], list.Rows.Select(r => r.Id));
        Assert.Equal(4, list.Total);
    }

    [Fact]
    public void From_StageAndSeverityFilters_OnlyMatchingRows()
    {
        var critical = DashboardSamples.Case("critical", Now.AddHours(10), CaseStage.Assessed) with
        {
            Assessment = new Assessment("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", ["1.0"], "t", "h", "s"),
        };
        var medium = DashboardSamples.Case("medium", Now.AddHours(11), CaseStage.Assessed) with { Assessment = new Assessment("5.0", ["1.0"], "t", "h", "s") };
        var unrated = DashboardSamples.Case("unrated", Now.AddHours(12));

        var assessedCritical = CaseList.From([critical, medium, unrated], CaseListQuery.Parse("Assessed", "Critical", null), Now, 50);
        var notRated = CaseList.From([critical, medium, unrated], CaseListQuery.Parse(null, "unrated", null), Now, 50);

        Assert.Equal(["critical"], assessedCritical.Rows.Select(r => r.Id));
        Assert.Equal(SeverityRating.Critical, assessedCritical.Rows[0].Severity);
        Assert.Equal(["unrated"], notRated.Rows.Select(r => r.Id));
    }

    [Fact]
    public void From_CaseWithMailHeldUp_RowSaysSinceWhenInTheCasesTimeZone()
    {
        var held = DashboardSamples.Case("held", Now.AddHours(10))
            .WithMailHeldUp(HeldUpMail.Of("held/acknowledgement", "held/acknowledgement", Articles.Reporting, Now.AddMinutes(-30)));
        var fine = DashboardSamples.Case("fine", Now.AddHours(11));

        var list = CaseList.From([held, fine], CaseListQuery.Parse(null, null, null), Now, 50);

        Assert.Equal(new DateTimeOffset(Now.AddMinutes(-30)).ToOffset(DashboardSamples.Cst), list.Rows[0].MailHeldUpSince);
        Assert.Equal(DashboardSamples.Cst, list.Rows[0].MailHeldUpSince!.Value.Offset);
        Assert.Null(list.Rows[1].MailHeldUpSince);
    }

    [Fact]
    public void From_MailHeldUpFilter_OnlyThoseCasesAndTheCountOfAllOpenOnes()
    {
        var heldAssessed = DashboardSamples.Case("held-assessed", Now.AddHours(10), CaseStage.Assessed)
            .WithMailHeldUp(HeldUpMail.Of("held-assessed/reminder-1", "held-assessed/reminder-1", Articles.Reporting, Now));
        var heldReceived = DashboardSamples.Case("held-received", Now.AddHours(11))
            .WithMailHeldUp(HeldUpMail.Of("held-received/acknowledgement", "held-received/acknowledgement", Articles.Reporting, Now));
        var heldClosed = DashboardSamples.Case("held-closed", Now.AddHours(-5), CaseStage.Closed)
            .WithMailHeldUp(HeldUpMail.Of("held-closed/advisory", "held-closed/advisory", Articles.PatchAndNotifyUsers, Now));
        var fine = DashboardSamples.Case("fine", Now.AddHours(12));

        var list = CaseList.From([heldAssessed, heldReceived, heldClosed, fine], CaseListQuery.Parse("Received", null, null, "held"), Now, 50);

        Assert.Equal(["held-received"], list.Rows.Select(r => r.Id));
        Assert.Equal(2, list.MailHeldUpCount);
    }

    [Theory]
    [InlineData("held", true)]
    [InlineData("HELD", true)]
    [InlineData("sent", false)]
    [InlineData(null, false)]
    public void Parse_Mail_OnlyHeldFilters(string? mail, bool expected)
    {
        Assert.Equal(expected, CaseListQuery.Parse(null, null, null, mail).MailHeldUp);
    }

    [Fact]
    public void From_SecondPageOfThree_RowsOfThatPage()
    {
        var records = Enumerable.Range(0, 7).Select(i => DashboardSamples.Case($"c{i}", Now.AddHours(i + 1))).ToList();

        var list = CaseList.From(records, CaseListQuery.Parse(null, null, 2), Now, pageSize: 3);

        Assert.Equal(["c3", "c4", "c5"], list.Rows.Select(r => r.Id));
        Assert.Equal((2, 3, 7), (list.Page, list.Pages, list.Total));
    }

    [Fact]
    public void From_PageBeyondTheLast_ShowsTheLastPage()
    {
        var records = Enumerable.Range(0, 4).Select(i => DashboardSamples.Case($"c{i}", Now.AddHours(i + 1))).ToList();

        var list = CaseList.From(records, CaseListQuery.Parse(null, null, 99), Now, pageSize: 3);

        Assert.Equal(["c3"], list.Rows.Select(r => r.Id));
        Assert.Equal(2, list.Page);
    }

    [Theory]
    [InlineData("Closed", null)]
    [InlineData("nonsense", null)]
    [InlineData("7", null)]
    [InlineData("patchreleased", CaseStage.PatchReleased)]
    public void Parse_StageText_OnlyOpenStagesFilter(string stage, CaseStage? expected)
    {
        Assert.Equal(expected, CaseListQuery.Parse(stage, null, null).Stage);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(0, 1)]
    [InlineData(-4, 1)]
    [InlineData(3, 3)]
    public void Parse_Page_AtLeastOne(int? page, int expected)
    {
        Assert.Equal(expected, CaseListQuery.Parse(null, null, page).Page);
    }
}
