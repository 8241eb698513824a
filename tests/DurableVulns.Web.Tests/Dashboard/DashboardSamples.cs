using DurableVulns.Domain.Reports;

namespace DurableVulns.Web.Tests.Dashboard;

/// <summary>Case records for the dashboard tests; each test sets only the fields it is about.</summary>
internal static class DashboardSamples
{
    public static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    /// <summary>Wednesday 2026-03-11 12:00 CST; its week starts Monday 2026-03-09.</summary>
    public static readonly DateTime Now = Utc(2026, 3, 11, 12, 0);

    /// <summary>An instant given as China Standard Time wall-clock time, returned in UTC.</summary>
    public static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Cst).UtcDateTime;

    public static CaseRecord Case(
        string id,
        DateTime deadlineUtc,
        CaseStage stage = CaseStage.Received,
        DateTime? submittedUtc = null,
        bool breached = false,
        string vendor = "Acme",
        string name = "Router X") =>
        new(
            id,
            deadlineUtc.AddHours(-48),
            new ReportSubmission(
                new Reporter("李伟", "liwei@lab.example.cn", "Lab", "CN"),
                new Product(vendor, name, "RX-100", "2.3.1"),
                "Command injection",
                "Details.",
                null),
            "rmsv-2021",
            "Asia/Shanghai",
            stage,
            deadlineUtc,
            MiitSubmittedAtUtc: submittedUtc,
            MiitBreached: breached);
}
