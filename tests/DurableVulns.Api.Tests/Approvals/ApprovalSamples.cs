using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>Grants, tickets and case records for the approval-page tests; case text is recognisable in a page.</summary>
public static class ApprovalSamples
{
    public const string CaseId = "c0ffee00c0ffee00c0ffee00c0ffee00";
    public const string ReviewId = "rv-20261128-01";
    public const string Reviewer = "li.wei@miit.example.cn";
    public const string Title = "Router admin page bypass 路由器管理页绕过";
    public const string Vendor = "Acme Networks";
    public const string Reason = "Exploited in the wild; users must mitigate now.";
    public const string JointAssessment = "Provider agrees: mitigation via ACL.\nNo exploit details in the advisory.";
    public const string AdvisoryTitle = "ACME-2026-001 admin bypass advisory";

    /// <summary>Every refused token status with the HTTP status its page answers.</summary>
    public static TheoryData<ApprovalTokenStatus, int> RefusedStatuses => new()
    {
        { ApprovalTokenStatus.Invalid, 404 },
        { ApprovalTokenStatus.Expired, 410 },
        { ApprovalTokenStatus.Used, 409 },
        { ApprovalTokenStatus.AlreadyDecided, 409 },
        { ApprovalTokenStatus.ReviewClosed, 409 },
        { ApprovalTokenStatus.NotAReviewer, 403 },
    };

    public static ApprovalGrant Grant(ReviewKind kind = ReviewKind.EarlyDisclosure, ReviewerRole role = ReviewerRole.MIIT) => new(
        CaseId, ReviewId, kind, CaseId + ":disclosure", $"Approval:{role}:{ReviewId}", role, Reviewer,
        new DateTime(2026, 12, 5, 6, 0, 0, DateTimeKind.Utc));

    public static ApprovalTicket Ticket(bool approve = true, ReviewKind kind = ReviewKind.EarlyDisclosure) => new(Grant(kind), approve);

    public static CaseRecord Case(string title = Title, string vendor = Vendor, string reason = Reason, string jointAssessment = JointAssessment) => new(
        CaseId,
        new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc),
        new ReportSubmission(
            new Reporter("Finder", "finder@example.org", null, "CN"),
            new Product(vendor, "EdgeRouter", "ER-8", "3.2.1"),
            title,
            "Full technical description that must never reach the approval page.",
            null),
        "rmsv-2021/1",
        "Asia/Shanghai",
        CaseStage.Assessed,
        new DateTime(2026, 11, 22, 2, 0, 0, DateTimeKind.Utc),
        Disclosure: new DisclosureRecord(ReviewId, new DisclosureRequest("provider", reason, new DateOnly(2026, 12, 20), jointAssessment),
            new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc), ReviewState.Pending),
        Publication: new PublicationRecord("pub-1", new Advisory(AdvisoryTitle, "body", "Upgrade to 3.2.2", [], false, false),
            new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc), Blackout: "National Day 国庆"));
}
