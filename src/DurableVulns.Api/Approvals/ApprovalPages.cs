using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Approvals;

/// <summary>
/// The approval pages as HTML: Chinese first with English beside it, every value HTML-encoded, no
/// script and no styles (the CSP allows neither). Error pages name what happened and nothing of the case.
/// </summary>
public static class ApprovalPages
{
    // Chinese text stays readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The HTTP status of a page for a token in <paramref name="status"/>.</summary>
    public static int StatusCodeOf(ApprovalTokenStatus status) => status switch
    {
        ApprovalTokenStatus.Valid => StatusCodes.Status200OK,
        ApprovalTokenStatus.Invalid => StatusCodes.Status404NotFound,
        ApprovalTokenStatus.Expired => StatusCodes.Status410Gone,
        ApprovalTokenStatus.Used or ApprovalTokenStatus.AlreadyDecided or ApprovalTokenStatus.ReviewClosed => StatusCodes.Status409Conflict,
        ApprovalTokenStatus.NotAReviewer => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status404NotFound,
    };

    /// <summary>The confirm page of a valid link: what is decided, by whom, and one button that posts it.</summary>
    public static ApprovalPage Confirm(ApprovalTicket ticket, CaseRecord? record, string formAction, string formFieldName, string requestToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var grant = ticket.Grant;
        var page = new StringBuilder();
        Begin(page, "确认评审决定", "Confirm your review decision");
        Paragraph(page, "请核对以下内容。点击下方按钮之前，不会记录任何决定。",
            "Please check the details below. Nothing is recorded until you press the button.");

        page.Append("<h2>案件 <span lang=\"en\">Case</span></h2>\n<dl>\n");
        Item(page, "案件编号", "Case ID", grant.CaseId);
        if (record is not null)
        {
            var product = record.Report.Product;
            var model = string.IsNullOrWhiteSpace(product.Model) ? "" : $" ({product.Model})";
            Item(page, "厂商", "Vendor", product.Vendor);
            Item(page, "产品", "Product", product.Name + model);
            Item(page, "版本", "Version", product.Version);
            Item(page, "报告标题", "Report title", record.Report.Title);
        }
        else
        {
            Item(page, "案件详情", "Case details", "暂不可用 / Not available");
        }

        page.Append("</dl>\n<h2>评审事项 <span lang=\"en\">What you are asked to decide</span></h2>\n<dl>\n");
        if (grant.Kind == ReviewKind.EarlyDisclosure)
        {
            Item(page, "评审类型", "Review", $"补丁发布前提前披露（{Articles.Embargo}） / Early disclosure before the patch ({Articles.Embargo})");
            if (record?.Disclosure is { } disclosure)
            {
                var request = disclosure.Request;
                Item(page, "申请方", "Requested by", request.RequestedBy);
                Item(page, "理由", "Reason", request.Reason);
                Item(page, "拟披露日期", "Proposed date",
                    request.ProposedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未提供 / Not given");
                Item(page, "与厂商的联合评估", "Joint assessment with the provider", request.JointAssessment);
            }
        }
        else
        {
            Item(page, "评审类型", "Review", $"重大活动期间发布（{Articles.NationalEvents}） / Publication during a blackout window ({Articles.NationalEvents})");
            if (record?.Publication is { } publication)
            {
                Item(page, "公告标题", "Advisory title", publication.Advisory.Title);
                if (!string.IsNullOrWhiteSpace(publication.Blackout)) Item(page, "活动窗口", "Blackout window", publication.Blackout);
            }
        }

        Item(page, "评审机构", "Authority", RoleText(grant.Role));
        Item(page, "评审人", "Reviewer", grant.Reviewer);
        Item(page, "链接有效期至", "Link valid until", TimeText(grant.ExpiresAtUtc));
        Item(page, "此链接的决定", "Decision this link carries", DecisionText(ticket.Approve));
        page.Append("</dl>\n");

        page.Append("<form method=\"post\" action=\"").Append(Encode(formAction)).Append("\">\n");
        page.Append("<input type=\"hidden\" name=\"").Append(Encode(formFieldName))
            .Append("\" value=\"").Append(Encode(requestToken)).Append("\">\n");
        page.Append("<button type=\"submit\">").Append(ticket.Approve ? "确认批准 Confirm: approve" : "确认拒绝 Confirm: reject").Append("</button>\n");
        page.Append("</form>\n");
        Paragraph(page, "如果这不是您的决定，请关闭此页面。如需作出相反决定，请使用邮件中的另一个链接。",
            "If this is not your decision, close this page. For the opposite decision, use the other link in the email.");
        return new ApprovalPage(StatusCodes.Status200OK, End(page));
    }

    /// <summary>The page after a decision was recorded.</summary>
    public static ApprovalPage Recorded(ApprovalTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var page = new StringBuilder();
        Begin(page, "已记录", "Recorded");
        Paragraph(page, "您的决定已记录，谢谢。此评审的链接不能再次使用。如果评审恰在此刻结束（已超时，或另一机构已拒绝），您的决定不改变结果。",
            "Your decision has been recorded. Thank you. The links of this review cannot be used again. If the review ended at this very moment (it timed out, or the other authority rejected), your decision does not change the outcome.");
        page.Append("<dl>\n");
        Item(page, "案件编号", "Case ID", ticket.Grant.CaseId);
        Item(page, "评审机构", "Authority", RoleText(ticket.Grant.Role));
        Item(page, "决定", "Decision", DecisionText(ticket.Approve));
        page.Append("</dl>\n");
        return new ApprovalPage(StatusCodes.Status200OK, End(page));
    }

    /// <summary>The page of a link that cannot be used, with the status code of <see cref="StatusCodeOf"/>.</summary>
    public static ApprovalPage Refused(ApprovalTokenStatus status)
    {
        if (status == ApprovalTokenStatus.Valid) throw new ArgumentOutOfRangeException(nameof(status), "A valid link is not refused.");
        var (zhTitle, enTitle, zh, en) = status switch
        {
            ApprovalTokenStatus.Expired => ("链接已过期", "This link has expired",
                "评审期限已过，此链接不再有效。", "The review period is over; this link no longer works."),
            ApprovalTokenStatus.Used => ("链接已使用", "This link has already been used",
                "每个链接只能使用一次。此链接或同一邮件中的另一个链接已经记录了决定。",
                "Each link works once. A decision was already recorded with this link or with the other link of the same email."),
            ApprovalTokenStatus.AlreadyDecided => ("已有决定", "A decision was already made",
                "您所在机构的另一位评审人已就此评审作出决定。", "Another reviewer of your authority has already decided on this review."),
            ApprovalTokenStatus.ReviewClosed => ("评审已结束", "This review has ended",
                "此评审已结束（已批准、已拒绝或已超时），不再接受决定。", "The review is over (approved, rejected or timed out) and takes no more decisions."),
            ApprovalTokenStatus.NotAReviewer => ("无权评审", "Not a reviewer",
                "此链接的收件人已不在该机构的评审人名单中。", "The address this link was sent to is no longer on the reviewer list of its authority."),
            _ => ("链接无效", "This link is not valid",
                "无法识别此链接：它可能不完整、被改动或伪造。请使用邮件中的完整链接。",
                "This link was not recognised: it may be incomplete, altered or forged. Use the complete link from the email."),
        };
        return Message(StatusCodeOf(status), zhTitle, enTitle, zh, en);
    }

    /// <summary>The page of a POST that did not come from the confirm page (anti-forgery check failed).</summary>
    public static ApprovalPage FormRejected() => Message(StatusCodes.Status400BadRequest,
        "无法验证请求", "The request could not be verified",
        "没有记录任何决定。请重新打开邮件中的链接，然后在该页面上点击按钮（需要启用 Cookie）。",
        "Nothing was recorded. Open the link from the email again and press the button on that page (cookies must be enabled).");

    /// <summary>The page of the approvals rate limit.</summary>
    public static ApprovalPage TooManyRequests() => Message(StatusCodes.Status429TooManyRequests,
        "请求过多", "Too many requests",
        "来自此地址的请求过多，请稍后再试。没有记录任何决定。",
        "Too many requests from this address; please try again in a minute. Nothing was recorded.");

    private static ApprovalPage Message(int statusCode, string zhTitle, string enTitle, string zh, string en)
    {
        var page = new StringBuilder();
        Begin(page, zhTitle, enTitle);
        Paragraph(page, zh, en);
        return new ApprovalPage(statusCode, End(page));
    }

    private static void Begin(StringBuilder page, string zhTitle, string enTitle)
    {
        page.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<title>").Append(Encode(zhTitle)).Append(" / ").Append(Encode(enTitle)).Append(" · DurableVulns</title>\n")
            .Append("</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(zhTitle)).Append(" <span lang=\"en\">").Append(Encode(enTitle)).Append("</span></h1>\n");
    }

    private static string End(StringBuilder page) => page.Append("</main>\n</body>\n</html>\n").ToString();

    private static void Paragraph(StringBuilder page, string zh, string en) =>
        page.Append("<p>").Append(Encode(zh)).Append("<br>\n<span lang=\"en\">").Append(Encode(en)).Append("</span></p>\n");

    private static void Item(StringBuilder page, string zhLabel, string enLabel, string? value) =>
        page.Append("<dt>").Append(Encode(zhLabel)).Append(" <span lang=\"en\">").Append(Encode(enLabel)).Append("</span></dt>\n<dd>")
            .Append(Lines(value ?? "")).Append("</dd>\n");

    // Free text keeps its line breaks without CSS: each line is encoded, then joined with <br>.
    private static string Lines(string text) =>
        string.Join("<br>\n", text.ReplaceLineEndings("\n").Split('\n').Select(Encode));

    private static string Encode(string text) => Encoder.Encode(text);

    private static string RoleText(ReviewerRole role) => role == ReviewerRole.MIIT
        ? "工业和信息化部 / MIIT (Ministry of Industry and Information Technology)"
        : "公安部 / MPS (Ministry of Public Security)";

    private static string DecisionText(bool approve) => approve ? "批准 Approve" : "拒绝 Reject";

    private static string TimeText(DateTime utc)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var china = ChinaTime.ToZone(instant);
        return string.Create(CultureInfo.InvariantCulture,
            $"{china:yyyy-MM-dd HH:mm} 北京时间 Beijing time ({instant:yyyy-MM-dd HH:mm} UTC)");
    }
}
