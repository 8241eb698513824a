using System.Net;
using System.Text.RegularExpressions;
using DurableVulns.Testing;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Host.Tests.Web;

/// <summary>The reporter's form at <c>/report</c>: its errors, its receipt and tracking link, its idempotence, its token.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ReportFormTests(ConsoleHost host)
{
    [Fact]
    public async Task PostReport_InvalidEmail_Returns400WithErrorBesideTheFieldAndKeepsTypedValues()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");
        var fields = Fields(SubmissionIdOf(form));
        fields["reporter.email"] = "not-an-address";

        // Act
        var response = await tab.PostFormAsync("/report", fields, Html.RequestToken(form));
        var html = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(Html.TextOf(html, "f-reporter-email-error")));
        Assert.Matches("<input id=\"f-reporter-email\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"f-reporter-email-error\"", html);
        Assert.False(Html.HasId(html, "f-reporter-name-error"));
        Assert.Contains("value=\"Li Wei 李伟\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-address\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/track/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReport_Valid_ReceiptWithTrackingLinkThatOpensTheCase()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");

        // Act
        var response = await tab.PostFormAsync("/report", Fields(SubmissionIdOf(form)), Html.RequestToken(form));
        var receipt = await response.Content.ReadAsStringAsync();
        var caseId = Html.TextOf(receipt, "case-id");
        var token = TrackingTokenOf(receipt);
        using var reporter = new PageClient(host.Tab());
        var (tracking, trackingPage) = await reporter.GetAsync("/track/" + token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(caseId);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(HttpStatusCode.OK, tracking.StatusCode);
        Assert.Contains($"<code>{caseId}</code>", trackingPage, StringComparison.Ordinal);
        Assert.Equal("Web 管理界面栈溢出 / Stack overflow in web admin", (await host.StatusAsync(caseId)).Text("report", "title"));
        // The receipt and the tracking page are as secret as the link: never cached.
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("no-store", tracking.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PostReport_SameFormSentTwice_SameCase()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");
        var fields = Fields(SubmissionIdOf(form));
        var token = Html.RequestToken(form);
        var first = await tab.PostFormAsync("/report", fields, token);
        var firstCase = Html.TextOf(await first.Content.ReadAsStringAsync(), "case-id");

        // Act
        var second = await tab.PostFormAsync("/report", fields, token);
        var secondReceipt = await second.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotNull(firstCase);
        Assert.Equal(firstCase, Html.TextOf(secondReceipt, "case-id"));
    }

    [Fact]
    public async Task GetTrack_TokenWithOneCharacterChanged_Returns404()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");
        var receipt = await (await tab.PostFormAsync("/report", Fields(SubmissionIdOf(form)), Html.RequestToken(form))).Content.ReadAsStringAsync();
        var token = TrackingTokenOf(receipt);
        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        using var stranger = new PageClient(host.Tab());

        // Act
        var (genuine, _) = await stranger.GetAsync("/track/" + token);
        var (response, html) = await stranger.GetAsync("/track/" + tampered);

        // Assert
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Html.TextOf(receipt, "case-id")!, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/track/")]
    [InlineData("/track/a/b")]
    [InlineData("/track/%01")]
    public async Task GetTrack_EmptyNestedOrControlToken_SameNotFoundPage(string path)
    {
        // Arrange
        using var stranger = new PageClient(host.Tab());

        // Act
        var (response, html) = await stranger.GetAsync(path);

        // Assert: the tracking page's own 404, not a generic one (every miss takes the same path).
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("tracking link does not open any case", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTrack_AnyToken_Returns404()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");

        // Act
        var response = await tab.PostFormAsync("/track/whatever", [], Html.RequestToken(form));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PostReport_WithoutAntiforgeryToken_Returns400AndFilesNoCase()
    {
        // Arrange
        var cases = host.Services.GetRequiredService<ICaseStore>();
        using var tab = new PageClient(host.Tab());
        var (_, form) = await tab.GetAsync("/report");
        var before = (await cases.ListAsync()).Count;

        // Act
        var response = await tab.PostFormAsync("/report", Fields(SubmissionIdOf(form)), token: null);
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("/track/", body, StringComparison.Ordinal);
        Assert.Equal(before, (await cases.ListAsync()).Count);
    }

    [Fact]
    public async Task PostReport_TokenOfAnotherBrowser_Returns400AndFilesNoCase()
    {
        // Arrange
        var cases = host.Services.GetRequiredService<ICaseStore>();
        using var victim = new PageClient(host.Tab());
        using var attacker = new PageClient(host.Tab());
        var (_, attackerForm) = await attacker.GetAsync("/report");
        var (_, victimForm) = await victim.GetAsync("/report");
        var before = (await cases.ListAsync()).Count;

        // Act
        var response = await victim.PostFormAsync("/report", Fields(SubmissionIdOf(victimForm)), Html.RequestToken(attackerForm));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("/track/", body, StringComparison.Ordinal);
        Assert.Equal(before, (await cases.ListAsync()).Count);
    }

    /// <summary>A complete report as the form posts it, by JSON path.</summary>
    private static Dictionary<string, string> Fields(string submissionId) => new(StringComparer.Ordinal)
    {
        ["submissionId"] = submissionId,
        ["reporter.name"] = "Li Wei 李伟",
        ["reporter.email"] = "liwei@lab.example.cn",
        ["reporter.organization"] = "实验室 Lab",
        ["reporter.country"] = "CN",
        ["product.vendor"] = "Acme",
        ["product.name"] = "Router X 路由器",
        ["product.model"] = "RX-100",
        ["product.version"] = "2.3.1",
        ["title"] = "Web 管理界面栈溢出 / Stack overflow in web admin",
        ["description"] = "登录页面的 username 参数可导致栈溢出。\nThe username parameter of the login page overflows the stack.",
        ["upstreamComponent.name"] = "",
        ["upstreamComponent.providerEmail"] = "",
    };

    private static string SubmissionIdOf(string html)
    {
        var match = SubmissionIdInput().Match(html);
        Assert.True(match.Success, "The form has no submissionId.");
        return match.Groups[1].Value;
    }

    private static string TrackingTokenOf(string receipt)
    {
        var match = TrackingLink().Match(receipt);
        Assert.True(match.Success, "The receipt has no tracking link.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"submissionId\" value=\"([^\"]*)\"")]
    private static partial Regex SubmissionIdInput();

    [GeneratedRegex("<a id=\"tracking-link\" href=\"/track/([^\"]*)\"")]
    private static partial Regex TrackingLink();
}
