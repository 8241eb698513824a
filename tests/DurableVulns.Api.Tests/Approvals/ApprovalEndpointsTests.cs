using System.Net;
using System.Text.RegularExpressions;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>
/// The approval pages over real HTTP (Kestrel on a free port), wired exactly as the hosts wire
/// them (<c>AddDurableVulnsApi</c>, <c>UseRateLimiter</c>, <c>MapDurableVulnsApi</c>), with the
/// ports replaced by in-memory fakes: anti-forgery cookie and field, headers, status codes, rate limit.
/// </summary>
public sealed partial class ApprovalEndpointsTests : IAsyncLifetime
{
    private const string ValidToken = "valid-token.sig";
    private const string UsedToken = "used-token.sig";

    private readonly InMemoryApprovalTickets tickets = new();
    private readonly RecordingWorkflowClient workflows = new();
    private WebApplication? app;
    private Uri? baseAddress;

    public ApprovalEndpointsTests()
    {
        tickets.Add(ValidToken, ApprovalTokenStatus.Valid, ApprovalSamples.Ticket(approve: true));
        tickets.Add(UsedToken, ApprovalTokenStatus.Used, ApprovalSamples.Ticket(approve: false));
    }

    public Task InitializeAsync() => StartAsync(permitsPerMinute: 30);

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task Get_ValidToken_ShowsConfirmPageWithSecurityHeadersAndChangesNothing()
    {
        // Arrange
        using var client = Client();

        // Act
        using var response = await client.GetAsync(new Uri(baseAddress!, "/approvals/" + ValidToken));

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains(ApprovalSamples.Title, html, StringComparison.Ordinal);
        Assert.Contains("action=\"/approvals/valid-token.sig\"", html, StringComparison.Ordinal);
        Assert.Equal(0, tickets.Redeems);
        Assert.Empty(workflows.Events);
    }

    [Fact]
    public async Task Post_FromConfirmPage_RecordsDecisionAndRaisesEventOnce()
    {
        // Arrange
        using var client = Client();
        var field = await ConfirmFieldAsync(client, ValidToken);

        // Act
        using var first = await PostAsync(client, ValidToken, field);
        using var second = await PostAsync(client, ValidToken, field);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("已记录", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var raised = Assert.Single(workflows.Events);
        var grant = ApprovalSamples.Grant();
        Assert.Equal((grant.InstanceId, grant.EventName), (raised.InstanceId, raised.EventName));
        var decision = Assert.IsType<ReviewDecision>(raised.Payload);
        Assert.Equal((ReviewerRole.MIIT, ApprovalSamples.Reviewer, true), (decision.Role, decision.Reviewer, decision.Approved));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryCookie_Returns400AndRedeemsNothing()
    {
        // Arrange: the field comes from one browser, the post from another (no cookie).
        using var reviewer = Client();
        var field = await ConfirmFieldAsync(reviewer, ValidToken);
        using var attacker = Client();

        // Act
        using var response = await PostAsync(attacker, ValidToken, field);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法验证请求", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, tickets.Redeems);
        Assert.Empty(workflows.Events);
    }

    [Fact]
    public async Task Post_WithoutFormField_Returns400AndRedeemsNothing()
    {
        // Arrange
        using var client = Client();
        await ConfirmFieldAsync(client, ValidToken);

        // Act
        using var response = await client.PostAsync(new Uri(baseAddress!, "/approvals/" + ValidToken), new FormUrlEncodedContent([]));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, tickets.Redeems);
    }

    [Theory]
    [InlineData("unknown.sig", HttpStatusCode.NotFound)]
    [InlineData(UsedToken, HttpStatusCode.Conflict)]
    public async Task Get_UnusableToken_ShowsErrorPageWithItsStatus(string token, HttpStatusCode expected)
    {
        // Arrange
        using var client = Client();

        // Act
        using var response = await client.GetAsync(new Uri(baseAddress!, "/approvals/" + token));

        // Assert
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ApprovalSamples.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MorePagesThanPermitted_Returns429PageWithRetryAfter()
    {
        // Arrange
        await DisposeAsync();
        await StartAsync(permitsPerMinute: 3);
        using var client = Client();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri(baseAddress!, "/approvals/unknown-" + i));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        // Act
        using var response = await client.GetAsync(new Uri(baseAddress!, "/approvals/" + ValidToken));

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请求过多", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task StartAsync(int permitsPerMinute)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["DurableVulns:ApprovalPermitsPerMinute"] = permitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Services.AddSingleton<IApprovalTickets>(tickets);
        builder.Services.AddSingleton<IWorkflowClient>(workflows);
        builder.Services.AddSingleton<ICaseStore>(new SingleCaseStore(ApprovalSamples.Case()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDurableVulnsApi(builder.Configuration);

        app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapDurableVulnsApi();
        await app.StartAsync();
        baseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    private async Task<KeyValuePair<string, string>> ConfirmFieldAsync(HttpClient client, string token)
    {
        var html = await client.GetStringAsync(new Uri(baseAddress!, "/approvals/" + token));
        var match = HiddenField().Match(html);
        Assert.True(match.Success, "the confirm page has no hidden anti-forgery field");
        return new(WebUtility.HtmlDecode(match.Groups["name"].Value), WebUtility.HtmlDecode(match.Groups["value"].Value));
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string token, KeyValuePair<string, string> field) =>
        client.PostAsync(new Uri(baseAddress!, "/approvals/" + token), new FormUrlEncodedContent([field]));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex HiddenField();
}
