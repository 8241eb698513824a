using DurableVulns.Domain.Reports;
using DurableVulns.Web.Console.Dashboard;
using static DurableVulns.Web.Tests.Dashboard.DashboardSamples;

namespace DurableVulns.Web.Tests.Dashboard;

public sealed class DashboardStatsTests
{
    private static readonly DateOnly ThisMonday = new(2026, 3, 9);
    private static readonly DateOnly LastMonday = new(2026, 3, 2);

    private static WeekTally Week(DashboardStats stats, DateOnly monday) => Assert.Single(stats.Weeks, w => w.WeekStart == monday);

    [Fact]
    public void From_NoCases_TwelveEmptyWeeksEndingThisWeek()
    {
        // Arrange
        CaseRecord[] cases = [];

        // Act
        var stats = DashboardStats.From(cases, Now);

        // Assert
        Assert.Equal(12, stats.Weeks.Count);
        Assert.Equal(ThisMonday.AddDays(-7 * 11), stats.Weeks[0].WeekStart);
        Assert.Equal(ThisMonday, stats.Weeks[^1].WeekStart);
        Assert.All(stats.Weeks, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
        Assert.All(stats.Weeks, w => Assert.Equal((0, 0), (w.Met, w.Missed)));
        Assert.Empty(stats.NextDeadlines);
    }

    [Fact]
    public void From_DeadlineSundayLateVersusMondayEarlyCst_FallInDifferentWeeks()
    {
        // Arrange: both are on 2026-03-08 in UTC, so only CST week boundaries tell them apart.
        var sunday = Case("sun", Utc(2026, 3, 8, 23, 30));
        var monday = Case("mon", Utc(2026, 3, 9, 0, 30));

        // Act
        var stats = DashboardStats.From([sunday, monday], Now);

        // Assert
        Assert.Equal(1, Week(stats, LastMonday).Missed);
        Assert.Equal(1, Week(stats, ThisMonday).Missed);
    }

    [Fact]
    public void From_DeadlineAtMondayMidnightCst_CountsInTheWeekItStarts()
    {
        // Arrange
        var midnight = Case("mid", Utc(2026, 3, 9, 0, 0));

        // Act
        var stats = DashboardStats.From([midnight], Now);

        // Assert
        Assert.Equal(1, Week(stats, ThisMonday).Missed);
        Assert.Equal(0, Week(stats, LastMonday).Missed);
    }

    [Fact]
    public void From_SubmittedByDeadline_CountsAsMet()
    {
        // Arrange
        var deadline = Utc(2026, 3, 3, 10, 0);
        var early = Case("early", deadline, CaseStage.Assessed, submittedUtc: deadline.AddHours(-5));
        var onTheDot = Case("dot", deadline, CaseStage.Closed, submittedUtc: deadline);

        // Act
        var stats = DashboardStats.From([early, onTheDot], Now);

        // Assert
        Assert.Equal((2, 0), (Week(stats, LastMonday).Met, Week(stats, LastMonday).Missed));
    }

    [Fact]
    public void From_LateOrMissingOrBreached_CountsAsMissed()
    {
        // Arrange
        var deadline = Utc(2026, 3, 3, 10, 0);
        var late = Case("late", deadline, CaseStage.Assessed, submittedUtc: deadline.AddMinutes(1));
        var never = Case("never", deadline);
        var breachedButOnTime = Case("breached", deadline, submittedUtc: deadline.AddHours(-1), breached: true);
        var met = Case("met", deadline, submittedUtc: deadline.AddHours(-1));

        // Act
        var stats = DashboardStats.From([late, never, breachedButOnTime, met], Now);

        // Assert
        Assert.Equal((1, 3), (Week(stats, LastMonday).Met, Week(stats, LastMonday).Missed));
    }

    [Fact]
    public void From_DeadlineLaterThisWeek_NotCounted()
    {
        // Arrange: Thursday of the current week, after "now", with and without a submission.
        var future = Case("future", Utc(2026, 3, 12, 9, 0));
        var futureSubmitted = Case("future-sub", Utc(2026, 3, 12, 9, 0), submittedUtc: Now.AddHours(-1));

        // Act
        var stats = DashboardStats.From([future, futureSubmitted], Now);

        // Assert
        Assert.Equal((0, 0), (Week(stats, ThisMonday).Met, Week(stats, ThisMonday).Missed));
    }

    [Fact]
    public void From_DeadlineExactlyNow_Counted()
    {
        // Arrange
        var due = Case("due", Now);

        // Act
        var stats = DashboardStats.From([due], Now);

        // Assert
        Assert.Equal(1, Week(stats, ThisMonday).Missed);
    }

    [Fact]
    public void From_DeadlineBeforeTwelfthWeek_NotCounted()
    {
        // Arrange: the window opens Monday 2025-12-22 00:00 CST.
        var firstMonday = ThisMonday.AddDays(-7 * 11);
        var tooOld = Case("old", Utc(2025, 12, 21, 23, 59));
        var oldest = Case("oldest", Utc(2025, 12, 22, 0, 0));

        // Act
        var stats = DashboardStats.From([tooOld, oldest], Now);

        // Assert
        Assert.Equal(12, stats.Weeks.Count);
        Assert.Equal(1, stats.Weeks.Sum(w => w.Missed + w.Met));
        Assert.Equal(1, Week(stats, firstMonday).Missed);
    }

    [Fact]
    public void From_NowOnMondayJustAfterMidnightCst_CurrentWeekStartsThatMonday()
    {
        // Arrange: still Sunday in UTC.
        var now = Utc(2026, 3, 9, 0, 5);
        var justDue = Case("due", Utc(2026, 3, 9, 0, 1));

        // Act
        var stats = DashboardStats.From([justDue], now);

        // Assert
        Assert.Equal(ThisMonday, stats.Weeks[^1].WeekStart);
        Assert.Equal(1, stats.Weeks[^1].Missed);
    }

    [Fact]
    public void From_NowWithoutKind_ReadAsUtc()
    {
        // Arrange
        var due = Case("due", Utc(2026, 3, 9, 0, 30));
        var unspecified = DateTime.SpecifyKind(Now, DateTimeKind.Unspecified);

        // Act
        var stats = DashboardStats.From([due], unspecified);

        // Assert
        Assert.Equal(DashboardStats.From([due], Now), stats, new StatsComparer());
    }

    [Fact]
    public void From_OpenCases_CountedByStageWithZeroRowsAndNoClosed()
    {
        // Arrange
        var deadline = Utc(2026, 3, 20, 0, 0);
        CaseRecord[] cases =
        [
            Case("r1", deadline), Case("r2", deadline), Case("r3", deadline),
            Case("p1", deadline, CaseStage.PatchReleased),
            Case("c1", deadline, CaseStage.Closed), Case("c2", deadline, CaseStage.Closed),
        ];

        // Act
        var stats = DashboardStats.From(cases, Now);

        // Assert
        Assert.Equal(
            [new StageCount(CaseStage.Received, 3), new StageCount(CaseStage.Assessed, 0), new StageCount(CaseStage.PatchReleased, 1)],
            stats.OpenByStage);
    }

    [Fact]
    public void From_ManyOpenUnsubmitted_NextTenByDeadlineOverdueFirst()
    {
        // Arrange: twelve due over the coming days, two overdue, plus ones that must not be listed.
        var cases = new List<CaseRecord>();
        for (var i = 12; i >= 1; i--) cases.Add(Case($"due-{i:00}", Now.AddHours(i)));
        cases.Add(Case("overdue-1", Now.AddHours(-30)));
        cases.Add(Case("overdue-2", Now.AddHours(-2), CaseStage.Assessed));
        cases.Add(Case("submitted", Now.AddHours(-40), submittedUtc: Now.AddHours(-41)));
        cases.Add(Case("closed", Now.AddHours(-50), CaseStage.Closed));

        // Act
        var stats = DashboardStats.From(cases, Now);

        // Assert
        Assert.Equal(
            ["overdue-1", "overdue-2", "due-01", "due-02", "due-03", "due-04", "due-05", "due-06", "due-07", "due-08"],
            stats.NextDeadlines.Select(d => d.CaseId));
        Assert.Equal([true, true], stats.NextDeadlines.Take(2).Select(d => d.Overdue));
        Assert.All(stats.NextDeadlines.Skip(2), d => Assert.False(d.Overdue));
    }

    [Fact]
    public void From_UpcomingDeadline_ShowsVendorNameAndCstDeadline()
    {
        // Arrange
        var deadline = Utc(2026, 3, 12, 9, 15);
        var record = Case("DV-1", deadline, vendor: "华为", name: "AR6000");

        // Act
        var row = Assert.Single(DashboardStats.From([record], Now).NextDeadlines);

        // Assert
        Assert.Equal("DV-1", row.CaseId);
        Assert.Equal("华为 AR6000", row.Product);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 15, 0, Cst), row.Deadline);
        Assert.Equal(Cst, row.Deadline.Offset);
    }

    // Records holding lists compare lists by reference; compare their contents instead.
    private sealed class StatsComparer : IEqualityComparer<DashboardStats>
    {
        public bool Equals(DashboardStats? x, DashboardStats? y) =>
            x is not null && y is not null
            && x.OpenByStage.SequenceEqual(y.OpenByStage)
            && x.Weeks.SequenceEqual(y.Weeks)
            && x.NextDeadlines.SequenceEqual(y.NextDeadlines);

        public int GetHashCode(DashboardStats obj) => obj.Weeks.Count;
    }
}
