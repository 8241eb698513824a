using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console.Dashboard;

/// <summary>
/// The console dashboard's figures at one instant: open cases by stage, MIIT deadlines met and missed
/// in each of the last weeks, and the deadlines coming up next.
/// </summary>
public sealed record DashboardStats(
    IReadOnlyList<StageCount> OpenByStage,
    IReadOnlyList<WeekTally> Weeks,
    IReadOnlyList<UpcomingDeadline> NextDeadlines)
{
    /// <summary>How many weeks the met/missed tally covers; the current week is the last.</summary>
    public const int WeekCount = 12;

    /// <summary>How many upcoming deadlines are listed.</summary>
    public const int DeadlineCount = 10;

    // Weeks are cut in China Standard Time whatever a case's policy zone, so every case lands in the same columns.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ChinaTime.DefaultZone);

    public static DashboardStats From(IReadOnlyList<CaseRecord> cases, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var now = UtcTime.AsUtc(nowUtc);
        return new DashboardStats(OpenByStageOf(cases), WeeksOf(cases, now), NextDeadlinesOf(cases, now));
    }

    // Every stage but Closed, in enum order, zero counts kept so the chart always has the same bars.
    private static List<StageCount> OpenByStageOf(IReadOnlyList<CaseRecord> cases) =>
    [
        .. Enum.GetValues<CaseStage>()
            .Where(stage => stage != CaseStage.Closed)
            .Select(stage => new StageCount(stage, cases.Count(c => c.Stage == stage))),
    ];

    private static List<WeekTally> WeeksOf(IReadOnlyList<CaseRecord> cases, DateTime now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Zone));
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = new List<WeekTally>(WeekCount);
        for (var i = WeekCount - 1; i >= 0; i--)
        {
            var monday = thisMonday.AddDays(-7 * i);
            var startUtc = MidnightUtc(monday);
            var endUtc = MidnightUtc(monday.AddDays(7));
            // Only deadlines already reached: a deadline later this week cannot be judged yet.
            var due = cases
                .Select(c => (Case: c, Deadline: UtcTime.AsUtc(c.MiitDeadlineUtc)))
                .Where(d => d.Deadline >= startUtc && d.Deadline < endUtc && d.Deadline <= now)
                .ToList();
            var met = due.Count(d => IsMet(d.Case, d.Deadline));
            weeks.Add(new WeekTally(monday, met, due.Count - met));
        }
        return weeks;
    }

    // Met only when submitted by the deadline and not marked breached; anything else past the deadline is missed.
    private static bool IsMet(CaseRecord record, DateTime deadlineUtc) =>
        !record.MiitBreached && record.MiitSubmittedAtUtc is { } submitted && UtcTime.AsUtc(submitted) <= deadlineUtc;

    private static List<UpcomingDeadline> NextDeadlinesOf(IReadOnlyList<CaseRecord> cases, DateTime now) =>
    [
        .. cases
            .Where(c => c.Stage != CaseStage.Closed && !c.MiitSubmitted)
            .Select(c => (Case: c, Deadline: UtcTime.AsUtc(c.MiitDeadlineUtc)))
            .OrderBy(d => d.Deadline)
            .ThenBy(d => d.Case.Id, StringComparer.Ordinal)
            .Take(DeadlineCount)
            .Select(d => new UpcomingDeadline(
                d.Case.Id,
                ProductText.Name(d.Case.Report.Product),
                TimeZoneInfo.ConvertTime(new DateTimeOffset(d.Deadline), Zone),
                d.Deadline <= now)),
    ];

    private static DateTime MidnightUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
