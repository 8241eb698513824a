using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Tests.Mail;

/// <summary>The review mail renders the same message in Chinese and English, locally and as SendGrid template data.</summary>
public sealed class ReviewMailsTests
{
    private static readonly DateTime Requested = new(2026, 11, 26, 16, 30, 0, DateTimeKind.Utc);
    private static readonly ApprovalLinks Links = new("https://psirt.acme.example/approvals/a.b", "https://psirt.acme.example/approvals/c.d");

    [Fact]
    public void ReviewRequest_EarlyDisclosure_RendersBothLanguagesWithLinksAndRequest()
    {
        // Arrange
        var record = Case() with
        {
            Disclosure = new DisclosureRecord("req-1", new DisclosureRequest("reporter", "学术会议 / conference", new DateOnly(2026, 12, 20), "联合评估 / joint notes"), Requested, ReviewState.Pending),
        };

        // Act
        var mail = ReviewMails.ReviewRequest(record, Review(ReviewKind.EarlyDisclosure), ReviewerRole.MIIT, "reviewer@miit.example.cn", Links, reminder: null);

        // Assert
        Assert.Equal(["reviewer@miit.example.cn"], mail.To);
        Assert.Contains("审核请求", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Review request", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("请审核 / Please review: 提前公开漏洞信息的评估 / early disclosure before the patch (Art. 9(1))", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("批准 / Approve: https://psirt.acme.example/approvals/a.b", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("拒绝 / Reject: https://psirt.acme.example/approvals/c.d", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("拟公开日期 / Proposed date: 2026-12-20", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("联合评估 / Joint assessment: 联合评估 / joint notes", mail.TextBody, StringComparison.Ordinal);
        // The deadline is shown in China Standard Time: 16:30 UTC plus the 7-day review is 00:30 the next day in Beijing.
        Assert.Contains("2026-12-04 00:30 UTC+08:00", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("without a decision the embargo stays", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("逾期未决定则维持禁止公开", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("runtime/webhooks", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(ReviewMails.ReviewTemplate, mail.Template);
        Assert.Equal("提前公开漏洞信息的评估", mail.TemplateData!["kindZh"]);
        Assert.Equal("early disclosure before the patch (Art. 9(1))", mail.TemplateData["kindEn"]);
        Assert.Equal(Links.ApproveUrl, mail.TemplateData["approveUrl"]);
        Assert.Equal(Links.RejectUrl, mail.TemplateData["rejectUrl"]);
    }

    [Fact]
    public void ReviewRequest_BlackoutConsentReminder_NamesTheEventAndHasItsOwnKey()
    {
        // Arrange
        var advisory = new Advisory("安全公告 Advisory", "body", "fix", [], false, false);
        var record = Case() with { Publication = new PublicationRecord("pub-1", advisory, Requested, "国庆 National Day", ReviewState.Pending) };
        var review = Review(ReviewKind.BlackoutConsent);
        var first = ReviewMails.ReviewRequest(record, review, ReviewerRole.MPS, "reviewer@mps.example.cn", Links, reminder: null);

        // Act
        var reminder = ReviewMails.ReviewRequest(record, review, ReviewerRole.MPS, "reviewer@mps.example.cn", Links, new ClockStep(ClockStepKind.Reminder, 0, Requested.AddDays(2)));

        // Assert
        Assert.Contains("重大活动期间发布漏洞信息的同意 / publication during a national-event blackout (Art. 9(6))", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("重大活动 / National event: 国庆 National Day", reminder.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("[提醒 / Reminder]", reminder.Subject, StringComparison.Ordinal);
        Assert.NotEqual(first.Key, reminder.Key);
    }

    private static ReviewInput Review(ReviewKind kind) =>
        new("case-1", kind == ReviewKind.EarlyDisclosure ? "req-1" : "pub-1", kind, [ReviewerRole.MIIT, ReviewerRole.MPS], Requested, ReviewPolicy.Default);

    private static CaseRecord Case() => new(
        "case-1", Requested,
        new ReportSubmission(new Reporter("李伟", "liwei@lab.example.cn", null, "CN"), new Product("Acme", "Router X 路由器", "RX-100", "2.3.1"), "栈溢出 / Stack overflow", "d", null),
        "rmsv-2021.1", ChinaTime.DefaultZone, CaseStage.Assessed, Requested.AddHours(48));
}
