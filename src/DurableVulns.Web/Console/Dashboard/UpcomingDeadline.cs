namespace DurableVulns.Web.Console.Dashboard;

/// <summary>An open case whose MIIT submission is still due; <paramref name="Deadline"/> is in China Standard Time.</summary>
public sealed record UpcomingDeadline(string CaseId, string Product, DateTimeOffset Deadline, bool Overdue);
