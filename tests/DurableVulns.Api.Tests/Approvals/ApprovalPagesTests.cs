using DurableVulns.Api.Approvals;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Api.Tests.Approvals;

public sealed class ApprovalPagesTests
{
    private const string FormAction = "/approvals/tok.sig";
    private const string FieldName = "__RequestVerificationToken";
    private const string RequestToken = "CfDJ8-request-token";

    [Theory]
    [InlineData(ApprovalTokenStatus.Valid, 200)]
    [MemberData(nameof(ApprovalSamples.RefusedStatuses), MemberType = typeof(ApprovalSamples))]
    public void StatusCodeOf_Status_ReturnsItsHttpCode(ApprovalTokenStatus status, int expected)
    {
        // Act
        var code = ApprovalPages.StatusCodeOf(status);

        // Assert
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(ApprovalTokenStatus.Invalid, 404, "链接无效", "not valid")]
    [InlineData(ApprovalTokenStatus.Expired, 410, "已过期", "expired")]
    [InlineData(ApprovalTokenStatus.Used, 409, "已使用", "already been used")]
    [InlineData(ApprovalTokenStatus.AlreadyDecided, 409, "已有决定", "already decided")]
    [InlineData(ApprovalTokenStatus.ReviewClosed, 409, "评审已结束", "review has ended")]
    [InlineData(ApprovalTokenStatus.NotAReviewer, 403, "无权评审", "Not a reviewer")]
    public async Task Refused_Status_RendersBilingualPageWithItsCode(ApprovalTokenStatus status, int code, string chinese, string english)
    {
        // Act
        var page = await RenderedPage.RunAsync(ApprovalPages.Refused(status));

        // Assert
        Assert.Equal(code, page.Status);
        Assert.Contains("<html lang=\"zh-CN\">", page.Html, StringComparison.Ordinal);
        Assert.Contains(chinese, page.Html, StringComparison.Ordinal);
        Assert.Contains(english, page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Refused_Valid_Throws()
    {
        // Act
        var act = () => ApprovalPages.Refused(ApprovalTokenStatus.Valid);

        // Assert
        Assert.Throws<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public void Confirm_EarlyDisclosure_ShowsCaseRequestRoleDecisionAndForm()
    {
        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(approve: true), ApprovalSamples.Case(), FormAction, FieldName, RequestToken);

        // Assert
        Assert.Equal(200, page.StatusCode);
        Assert.Contains(ApprovalSamples.CaseId, page.Html, StringComparison.Ordinal);
        Assert.Contains(ApprovalSamples.Title, page.Html, StringComparison.Ordinal);
        Assert.Contains(ApprovalSamples.Vendor, page.Html, StringComparison.Ordinal);
        Assert.Contains("EdgeRouter (ER-8)", page.Html, StringComparison.Ordinal);
        Assert.Contains("3.2.1", page.Html, StringComparison.Ordinal);
        Assert.Contains(ApprovalSamples.Reason, page.Html, StringComparison.Ordinal);
        Assert.Contains("2026-12-20", page.Html, StringComparison.Ordinal);
        Assert.Contains("Provider agrees: mitigation via ACL.<br>\nNo exploit details in the advisory.", page.Html, StringComparison.Ordinal);
        Assert.Contains("工业和信息化部", page.Html, StringComparison.Ordinal);
        Assert.Contains("批准 Approve", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("拒绝 Reject", page.Html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/approvals/tok.sig\">", page.Html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{RequestToken}\">", page.Html, StringComparison.Ordinal);
        Assert.Single(page.Html.Split("<button").Skip(1));
        Assert.DoesNotContain(ApprovalSamples.AdvisoryTitle, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Full technical description", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_RejectLink_ShowsRejectDecision()
    {
        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(approve: false), ApprovalSamples.Case(), FormAction, FieldName, RequestToken);

        // Assert
        Assert.Contains("拒绝 Reject", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("批准 Approve", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_BlackoutConsent_ShowsAdvisoryTitleNotDisclosureRequest()
    {
        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(kind: ReviewKind.BlackoutConsent), ApprovalSamples.Case(), FormAction, FieldName, RequestToken);

        // Assert
        Assert.Contains(ApprovalSamples.AdvisoryTitle, page.Html, StringComparison.Ordinal);
        Assert.Contains("National Day 国庆", page.Html, StringComparison.Ordinal);
        Assert.Contains("Art. 9(6)", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ApprovalSamples.Reason, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_NoCaseRecord_StillShowsTheDecisionAndForm()
    {
        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(), null, FormAction, FieldName, RequestToken);

        // Assert
        Assert.Contains(ApprovalSamples.CaseId, page.Html, StringComparison.Ordinal);
        Assert.Contains("Not available", page.Html, StringComparison.Ordinal);
        Assert.Contains("<button", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_CaseTextWithMarkup_IsHtmlEncoded()
    {
        // Arrange
        var record = ApprovalSamples.Case(
            title: "<script>alert('t')</script>",
            vendor: "\"><img src=x onerror=alert(1)>",
            reason: "</dd><form action=https://evil.example>",
            jointAssessment: "a & b <b>bold</b>");

        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(), record, "/approvals/\"><script>", FieldName, "\"><x>");

        // Assert
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example>", page.Html, StringComparison.Ordinal);
        Assert.Single(page.Html.Split("<form").Skip(1));
        Assert.Contains("&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("a &amp; b &lt;b&gt;bold&lt;/b&gt;", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Confirm_Page_HasNoScriptOrStyleAndIsBilingual()
    {
        // Act
        var page = ApprovalPages.Confirm(ApprovalSamples.Ticket(), ApprovalSamples.Case(), FormAction, FieldName, RequestToken);

        // Assert
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", page.Html);
        Assert.Contains("确认评审决定", page.Html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"en\">Confirm your review decision</span>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_Ticket_NamesDecisionInBothLanguages()
    {
        // Act
        var page = ApprovalPages.Recorded(ApprovalSamples.Ticket(approve: false));

        // Assert
        Assert.Equal(200, page.StatusCode);
        Assert.Contains("已记录", page.Html, StringComparison.Ordinal);
        Assert.Contains("Recorded", page.Html, StringComparison.Ordinal);
        Assert.Contains("拒绝 Reject", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_AnyPage_SetsSecurityHeadersAndHtmlType()
    {
        // Act
        var page = await RenderedPage.RunAsync(ApprovalPages.FormRejected());

        // Assert
        Assert.Equal(400, page.Status);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Equal("default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", page.Headers.ContentSecurityPolicy);
        Assert.Equal("no-referrer", page.Headers["Referrer-Policy"]);
        Assert.Equal("no-store", page.Headers.CacheControl);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions);
        Assert.Equal("DENY", page.Headers.XFrameOptions);
        Assert.Contains("无法验证请求", page.Html, StringComparison.Ordinal);
    }
}
