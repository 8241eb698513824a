using System.Globalization;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// The messages of a review (Art. 9(1) early disclosure, Art. 9(6) blackout consent) and of a
/// publication, in Chinese and English. Review requests carry approval links; never the
/// durable engine's management URLs.
/// </summary>
public static class ReviewMails
{
    public const string ReviewTemplate = "review-request";

    /// <summary>Why a held-up request or reminder to a reviewer is withdrawn.</summary>
    public const string NoLongerReviewer = "its recipient is not among the reviewers configured now, who get the step's messages instead.";

    public static OutgoingMail ReviewRequest(CaseRecord record, ReviewInput review, ReviewerRole role, string reviewer, ApprovalLinks links, ClockStep? reminder)
    {
        var data = new Dictionary<string, string>
        {
            ["caseId"] = record.Id,
            ["role"] = role.ToString(),
            ["kindZh"] = review.Kind == ReviewKind.EarlyDisclosure ? "提前公开漏洞信息的评估" : "重大活动期间发布漏洞信息的同意",
            ["kindEn"] = review.Kind == ReviewKind.EarlyDisclosure ? "early disclosure before the patch (Art. 9(1))" : "publication during a national-event blackout (Art. 9(6))",
            ["product"] = $"{record.Report.Product.Vendor} {record.Report.Product.Name} {record.Report.Product.Version}",
            ["title"] = record.Report.Title,
            ["summary"] = Summary(record, review.Kind),
            ["expires"] = Local(record, review.ExpiresAtUtc),
            ["approveUrl"] = links.ApproveUrl,
            ["rejectUrl"] = links.RejectUrl,
        };
        var prefix = reminder is null ? string.Empty : "[提醒 / Reminder] ";
        var text = $"""
            {prefix}请审核 / Please review: {data["kindZh"]} / {data["kindEn"]}

            案件 / Case: {data["caseId"]}
            产品 / Product: {data["product"]}
            标题 / Title: {data["title"]}
            {data["summary"]}

            您以 {role} 审核人身份收到此邮件。请在 {data["expires"]} 前作出决定；逾期未决定则维持禁止公开。
            You receive this as a {role} reviewer. Please decide by {data["expires"]}; without a decision the embargo stays.

            批准 / Approve: {links.ApproveUrl}
            拒绝 / Reject: {links.RejectUrl}

            链接仅可使用一次，打开后需在页面上确认。/ Each link works once and asks you to confirm on the page.
            """;
        var key = $"{record.Id}/review/{review.ReviewId}/{role}/{reviewer}" + (reminder is null ? string.Empty : $"/{reminder.Key}");
        return new OutgoingMail(key, [reviewer], $"{prefix}审核请求 / Review request: {record.Id}", text, ReviewTemplate, data);
    }

    public static OutgoingMail ReviewEscalation(CaseRecord record, ReviewInput review, ClockStep step, IReadOnlyList<ReviewerRole> pending, IReadOnlyList<string> to) => new(
        $"{record.Id}/review/{review.ReviewId}/{step.Key}",
        to,
        $"[升级 / ESCALATION] 审核未完成 / Review pending: {record.Id}",
        $"""
        案件 {record.Id} 的审核（{review.Kind}）仍在等待 {string.Join("、", pending)} 的决定，截止 {Local(record, review.ExpiresAtUtc)}。
        The review ({review.Kind}) of case {record.Id} still waits for {string.Join(" and ", pending)}; it ends at {Local(record, review.ExpiresAtUtc)}.
        逾期未决定则维持禁止公开 / Without a decision the embargo stays.
        """);

    public static OutgoingMail Advisory(CaseRecord record, Advisory advisory, Recipient recipient) => new(
        $"{record.Id}/advisory/{recipient.Address}",
        [recipient.Address],
        $"安全公告 / Security advisory: {advisory.Title}",
        $"""
        {advisory.Title}

        {advisory.Body}

        修复或缓解措施 / Fix or mitigation:
        {advisory.Fix}
        """);

    private static string Summary(CaseRecord record, ReviewKind kind) => kind == ReviewKind.EarlyDisclosure && record.Disclosure is { } disclosure
        ? $"""
          申请方 / Requested by: {disclosure.Request.RequestedBy}
          拟公开日期 / Proposed date: {disclosure.Request.ProposedDate:yyyy-MM-dd}
          理由 / Reason: {disclosure.Request.Reason}
          联合评估 / Joint assessment: {disclosure.Request.JointAssessment}
          """
        : $"""
          公告 / Advisory: {record.Publication?.Advisory.Title}
          重大活动 / National event: {record.Publication?.Blackout}
          """;

    private static string Local(CaseRecord record, DateTime utc) =>
        ChinaTime.ToZone(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), record.TimeZone)
            .ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
