using System.Text;
using System.Text.RegularExpressions;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Functions.Http;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Functions.Tests.Http;

/// <summary>
/// The approval pages through the Functions triggers, with the app's real anti-forgery and token
/// codec. Storage points at a closed port: a garbage token must be refused before any lookup.
/// </summary>
public sealed partial class ApprovalFunctionsTests : IDisposable
{
    private const string GarbageToken = "not-a-token.at-all";
    private const string ValidToken = "payload.signature";
    private const string ReviewId = "rv-1";

    // Azurite's published development account, on a port nothing listens on.
    private static readonly Dictionary<string, string?> UnreachableStorage = new()
    {
        ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + "TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
    };

    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");
    private readonly Mock<IApprovalTickets> tickets = new(MockBehavior.Strict);
    private FunctionsTestHost? host;

    private FunctionsTestHost Host => host ??= new FunctionsTestHost(UnreachableStorage);

    [Fact]
    public async Task ShowApproval_GarbageToken_Returns404PageAndTouchesNoClient()
    {
        // Arrange: the strict client throws on any call.
        using var invocation = Host.Services.CreateScope();
        var request = ApprovalRequest("GET", GarbageToken);

        // Act
        var result = await Host.CreateFunction<ApprovalFunctions>(invocation).ShowApproval(request, GarbageToken, durable.Object);
        var response = await Host.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.StartsWith("text/html", response.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal(0, response.Headers.SetCookie.Count);
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ShowApproval_RoleDecidedBefore_HandsTheRecordedDecisionOverAgain()
    {
        // Arrange: a link opened after its role's decision was recorded, by a visit that may not have handed it over.
        var ticket = Ticket();
        var recorded = new ReviewDecision(ReviewerRole.MIIT, ticket.Grant.Reviewer, Approved: true, DateTime.UtcNow.AddMinutes(-5));
        tickets.Setup(t => t.CheckAsync(ValidToken, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.AlreadyDecided, ticket, recorded));
        durable.Setup(c => c.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName, recorded, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        using var app = new FunctionsTestHost(UnreachableStorage, services => services.Replace(ServiceDescriptor.Singleton(tickets.Object)));
        using var invocation = app.Services.CreateScope();
        var request = ApprovalRequest("GET", ValidToken);

        // Act
        var result = await app.CreateFunction<ApprovalFunctions>(invocation).ShowApproval(request, ValidToken, durable.Object);
        var response = await app.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        durable.Verify(c => c.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName, recorded, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task DecideApproval_GarbageTokenWithValidForm_Returns404AndTouchesNoClient()
    {
        // Arrange: a genuine anti-forgery pair, so that the post reaches the token check.
        var (cookie, field) = AntiforgeryPair(Host);
        using var invocation = Host.Services.CreateScope();
        var request = ApprovalRequest("POST", GarbageToken, cookie, field);

        // Act
        var result = await Host.CreateFunction<ApprovalFunctions>(invocation).DecideApproval(request, GarbageToken, durable.Object);
        var response = await Host.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecideApproval_NoAntiforgeryField_Returns400AndTouchesNoClient()
    {
        // Arrange
        using var invocation = Host.Services.CreateScope();
        var request = ApprovalRequest("POST", GarbageToken, form: []);

        // Act
        var result = await Host.CreateFunction<ApprovalFunctions>(invocation).DecideApproval(request, GarbageToken, durable.Object);
        var response = await Host.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DecideApproval_PostFromTheConfirmPage_RaisesTheDecisionOnTheReviewInstance()
    {
        // Arrange: the page and its post are two invocations, each with its own scope, as in the worker.
        var ticket = Ticket();
        tickets.Setup(t => t.CheckAsync(ValidToken, It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.Valid, ticket));
        tickets.Setup(t => t.RedeemAsync(ValidToken, It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalCheck(ApprovalTokenStatus.Valid, ticket));
        durable.Setup(c => c.RaiseEventAsync(ticket.Grant.InstanceId, ticket.Grant.EventName, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        using var app = new FunctionsTestHost(UnreachableStorage, services => services.Replace(ServiceDescriptor.Singleton(tickets.Object)));
        app.Cases.Records["case-1"] = Samples.Case();
        var (cookie, field) = await ConfirmPageAsync(app);
        using var invocation = app.Services.CreateScope();
        var request = ApprovalRequest("POST", ValidToken, cookie, field);

        // Act
        var result = await app.CreateFunction<ApprovalFunctions>(invocation).DecideApproval(request, ValidToken, durable.Object);
        var response = await app.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        durable.Verify(c => c.RaiseEventAsync(
            ReviewInput.InstanceIdFor("case-1", ReviewId),
            EventNames.Approval(ReviewerRole.MIIT, ReviewId),
            It.Is<object?>(p => IsApproval(p, ticket.Grant.Reviewer)),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private static bool IsApproval(object? payload, string reviewer) =>
        payload is ReviewDecision decision && decision.Approved && decision.Role == ReviewerRole.MIIT && decision.Reviewer == reviewer;

    private static ApprovalTicket Ticket() => new(
        new ApprovalGrant(
            "case-1", ReviewId, ReviewKind.EarlyDisclosure, ReviewInput.InstanceIdFor("case-1", ReviewId),
            EventNames.Approval(ReviewerRole.MIIT, ReviewId), ReviewerRole.MIIT, "reviewer@miit.example.cn",
            DateTime.UtcNow.AddDays(7)),
        Approve: true);

    /// <summary>Shows the confirm page through the GET trigger and takes its anti-forgery cookie and field.</summary>
    private static async Task<(KeyValuePair<string, string> Cookie, KeyValuePair<string, string> Field)> ConfirmPageAsync(FunctionsTestHost app)
    {
        using var invocation = app.Services.CreateScope();
        var request = ApprovalRequest("GET", ValidToken);
        var client = new Mock<DurableTaskClient>(MockBehavior.Strict, "page").Object;
        var response = await app.ExecuteAsync(await app.CreateFunction<ApprovalFunctions>(invocation).ShowApproval(request, ValidToken, client), request);
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);

        var html = FunctionsTestHost.BodyOf(response);
        Assert.Contains($"action=\"/approvals/{ValidToken}\"", html, StringComparison.Ordinal);
        var hidden = HiddenField().Match(html);
        Assert.True(hidden.Success, "the confirm page has no hidden anti-forgery field");
        var setCookie = Assert.Single(response.Headers.SetCookie)!;
        var pair = setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)].Split('=', 2);
        return (new(pair[0], pair[1]), new(hidden.Groups["name"].Value, hidden.Groups["value"].Value));
    }

    /// <summary>An anti-forgery cookie and field as the app's <see cref="IAntiforgery"/> issues them to one browser.</summary>
    private static (KeyValuePair<string, string> Cookie, KeyValuePair<string, string> Field) AntiforgeryPair(FunctionsTestHost app)
    {
        var tokens = app.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = app.Services });
        var cookieName = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;
        return (new(cookieName, tokens.CookieToken!), new(tokens.FormFieldName, tokens.RequestToken!));
    }

    private static HttpRequest ApprovalRequest(
        string method, string token, KeyValuePair<string, string>? cookie = null, KeyValuePair<string, string>? field = null,
        IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        var request = FunctionsTestHost.Request(method);
        request.Path = "/approvals/" + token;
        if (cookie is { } c) request.Headers.Cookie = $"{c.Key}={c.Value}";
        if (method == "POST")
        {
            var fields = form ?? (field is { } f ? [f] : []);
            var bytes = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
            request.ContentType = "application/x-www-form-urlencoded";
            request.ContentLength = bytes.Length;
            request.Body = new MemoryStream(bytes);
        }
        return request;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex HiddenField();

    public void Dispose() => host?.Dispose();
}
