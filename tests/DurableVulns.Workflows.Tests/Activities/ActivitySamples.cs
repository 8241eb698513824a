using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>The case the activity tests run on: "case-1", received at <see cref="Received"/>, due at MIIT 48 hours later.</summary>
internal static class ActivitySamples
{
    public static readonly DateTime Received = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime Deadline = Received.AddHours(48);

    public static CaseRecord Case(CaseStage stage) => new(
        "case-1", Received,
        new ReportSubmission(new Reporter("李伟", "liwei@lab.example.cn", null, "CN"), new Product("Acme", "Router X", null, "2.3.1"), "t", "d", null),
        "rmsv-2021.1", ChinaTime.DefaultZone, stage, Deadline);
}
