namespace DurableVulns.Web.Console.Dashboard;

/// <summary>
/// MIIT deadlines that fell in one week (Monday 00:00 to Monday 00:00, China Standard Time) and have
/// passed: how many were met and how many missed.
/// </summary>
public sealed record WeekTally(DateOnly WeekStart, int Met, int Missed);
