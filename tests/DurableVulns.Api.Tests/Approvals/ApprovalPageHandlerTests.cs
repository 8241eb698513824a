using DurableVulns.Api.Approvals;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace DurableVulns.Api.Tests.Approvals;

public sealed class ApprovalPageHandlerTests
{
    private const string Token = "payload.signature";
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 2, 3, TimeSpan.Zero);

    private readonly Mock<IApprovalTickets> tickets = new(MockBehavior.Strict);
    private readonly Mock<ICaseStore> cases = new();
    private readonly Mock<IWorkflowClient> workflows = new(MockBehavior.Strict);
    private readonly Mock<IAntiforgery> antiforgery = new();

    public ApprovalPageHandlerTests()
    {
        cases.Setup(c => c.GetAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync(ApprovalSamples.Case());
        antiforgery.Setup(a => a.GetAndStoreTokens(It.IsAny<HttpContext>()))
            .Returns(new AntiforgeryTokenSet("request-token-value", "cookie-token-value", "__RequestVerificationToken", null));
    }

    [Fact]
    public async Task ShowAsync_ValidToken_ShowsConfirmPageAndRedeemsNothing()
    {
        // Arrange
        tickets.Setup(t => t.CheckAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.Valid, ApprovalSamples.Ticket()));
        var http = Http("/approvals/" + Token);

        // Act
        var page = await RenderedPage.RunAsync(await Handler().ShowAsync(http, Token), http);

        // Assert
        Assert.Equal(200, page.Status);
        Assert.Contains(ApprovalSamples.Title, page.Html, StringComparison.Ordinal);
        Assert.Contains("action=\"/approvals/payload.signature\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"request-token-value\"", page.Html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl);
        tickets.Verify(t => t.RedeemAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        workflows.VerifyNoOtherCalls();
    }

    [Theory]
    [MemberData(nameof(ApprovalSamples.RefusedStatuses), MemberType = typeof(ApprovalSamples))]
    public async Task ShowAsync_RefusedToken_ShowsErrorWithItsCodeAndNoCaseDetails(ApprovalTokenStatus status, int code)
    {
        // Arrange: the ticket is there (a genuine token), yet nothing of it may show.
        tickets.Setup(t => t.CheckAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(status, status == ApprovalTokenStatus.Invalid ? null : ApprovalSamples.Ticket()));

        // Act
        var page = await RenderedPage.RunAsync(await Handler().ShowAsync(Http("/approvals/" + Token), Token));

        // Assert
        Assert.Equal(code, page.Status);
        AssertNoCaseDetails(page.Html);
        antiforgery.Verify(a => a.GetAndStoreTokens(It.IsAny<HttpContext>()), Times.Never);
        workflows.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecideAsync_AntiforgeryFails_Returns400AndRedeemsNothing()
    {
        // Arrange
        antiforgery.Setup(a => a.ValidateRequestAsync(It.IsAny<HttpContext>()))
            .ThrowsAsync(new AntiforgeryValidationException("The required antiforgery cookie is not present."));

        // Act
        var page = await RenderedPage.RunAsync(await Handler().DecideAsync(Http("/approvals/" + Token, post: true), Token));

        // Assert
        Assert.Equal(400, page.Status);
        Assert.Contains("无法验证请求", page.Html, StringComparison.Ordinal);
        tickets.VerifyNoOtherCalls();
        workflows.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DecideAsync_ValidToken_RaisesDecisionOnTheGrantsEventAndShowsRecorded(bool approve)
    {
        // Arrange
        var ticket = ApprovalSamples.Ticket(approve);
        tickets.Setup(t => t.RedeemAsync(Token, It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.Valid, ticket));
        workflows.Setup(w => w.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName,
                new ReviewDecision(ReviewerRole.MIIT, ApprovalSamples.Reviewer, approve, Now.UtcDateTime), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .Verifiable(Times.Once);

        // Act
        var page = await RenderedPage.RunAsync(await Handler().DecideAsync(Http("/approvals/" + Token, post: true), Token));

        // Assert
        Assert.Equal(200, page.Status);
        Assert.Contains("已记录", page.Html, StringComparison.Ordinal);
        workflows.Verify();
        tickets.Verify(t => t.CheckAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [MemberData(nameof(ApprovalSamples.RefusedStatuses), MemberType = typeof(ApprovalSamples))]
    public async Task DecideAsync_RefusedToken_ShowsErrorAndRaisesNothing(ApprovalTokenStatus status, int code)
    {
        // Arrange
        tickets.Setup(t => t.RedeemAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(status, status == ApprovalTokenStatus.Invalid ? null : ApprovalSamples.Ticket()));

        // Act
        var page = await RenderedPage.RunAsync(await Handler().DecideAsync(Http("/approvals/" + Token, post: true), Token));

        // Assert
        Assert.Equal(code, page.Status);
        AssertNoCaseDetails(page.Html);
        workflows.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(ApprovalTokenStatus.Used)]
    [InlineData(ApprovalTokenStatus.AlreadyDecided)]
    public async Task DecideAsync_RoleDecidedBefore_HandsTheRecordedDecisionOverAgainAndShowsTheRefusal(ApprovalTokenStatus status)
    {
        // Arrange: an earlier visit recorded a rejection and may have failed to hand it over.
        var ticket = ApprovalSamples.Ticket(approve: true);
        var recorded = new ReviewDecision(ReviewerRole.MIIT, ApprovalSamples.Reviewer, Approved: false, Now.UtcDateTime.AddMinutes(-5));
        tickets.Setup(t => t.RedeemAsync(Token, It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalCheck(status, ticket, recorded));
        workflows.Setup(w => w.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName, recorded, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .Verifiable(Times.Once);

        // Act
        var page = await RenderedPage.RunAsync(await Handler().DecideAsync(Http("/approvals/" + Token, post: true), Token));

        // Assert
        Assert.Equal(409, page.Status);
        workflows.Verify();
    }

    [Fact]
    public async Task ShowAsync_RoleDecidedBefore_HandsTheRecordedDecisionOverAgainAndShowsTheRefusal()
    {
        // Arrange: a reminder's fresh link, opened after the role's decision was recorded.
        var ticket = ApprovalSamples.Ticket();
        var recorded = new ReviewDecision(ReviewerRole.MIIT, ApprovalSamples.Reviewer, Approved: true, Now.UtcDateTime.AddMinutes(-5));
        tickets.Setup(t => t.CheckAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.AlreadyDecided, ticket, recorded));
        workflows.Setup(w => w.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName, recorded, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask)
            .Verifiable(Times.Once);

        // Act
        var page = await RenderedPage.RunAsync(await Handler().ShowAsync(Http("/approvals/" + Token), Token));

        // Assert
        Assert.Equal(409, page.Status);
        workflows.Verify();
    }

    [Fact]
    public async Task DecideAsync_HandOverAgainFails_StillShowsTheRefusal()
    {
        // Arrange
        var ticket = ApprovalSamples.Ticket();
        var recorded = new ReviewDecision(ReviewerRole.MIIT, ApprovalSamples.Reviewer, Approved: true, Now.UtcDateTime);
        tickets.Setup(t => t.RedeemAsync(Token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.Used, ticket, recorded));
        workflows.Setup(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage away"));

        // Act
        var page = await RenderedPage.RunAsync(await Handler().DecideAsync(Http("/approvals/" + Token, post: true), Token));

        // Assert
        Assert.Equal(409, page.Status);
    }

    private ApprovalPageHandler Handler() => new(
        tickets.Object, cases.Object, workflows.Object, antiforgery.Object, new FixedTimeProvider(Now), NullLogger<ApprovalPageHandler>.Instance);

    private static DefaultHttpContext Http(string path, bool post = false)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = post ? HttpMethods.Post : HttpMethods.Get;
        http.Request.Path = path;
        return http;
    }

    private static void AssertNoCaseDetails(string html)
    {
        foreach (var detail in new[] { ApprovalSamples.CaseId, ApprovalSamples.ReviewId, ApprovalSamples.Reviewer, ApprovalSamples.Title,
            ApprovalSamples.Vendor, ApprovalSamples.Reason, "EdgeRouter", "MIIT", "工业和信息化部", "<form" })
        {
            Assert.DoesNotContain(detail, html, StringComparison.OrdinalIgnoreCase);
        }
    }
}
