using System.Net;
using DurableVulns.Testing;
using DurableVulns.Web.Security;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// What every page sends with it: the Content-Security-Policy and the other security headers, HTML
/// that needs nothing inline, a language, and the language switch; and where anonymous visitors go.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PageSecurityTests(ConsoleHost host)
{
    public static TheoryData<string, HttpStatusCode> AnonymousPages() => new()
    {
        { "/report", HttpStatusCode.OK },
        { "/console/sign-in", HttpStatusCode.OK },
        { "/track/not-a-tracking-token", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Get_AnonymousPage_CarriesStrictSecurityHeaders(string path, HttpStatusCode expected)
    {
        // Arrange
        using var tab = new PageClient(host.Tab());

        // Act
        var (response, _) = await tab.GetAsync(path);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Get_DevelopmentOverHttps_SendsNoHsts()
    {
        // Arrange: a browser told to use HTTPS only for localhost would lose every plain-HTTP dev service on it.
        using var tab = host.Tab(https: true);

        // Act
        using var response = await tab.GetAsync("/report");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Get_AnonymousPage_HtmlHasNothingInlineAndSetsLanguage(string path, HttpStatusCode expected)
    {
        // Arrange
        using var tab = new PageClient(host.Tab(language: "en"));

        // Act
        var (response, html) = await tab.GetAsync(path);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        AssertNothingInline(html);
        Assert.Equal("en", Html.Lang(html));
        Assert.Contains($"href=\"/lang/zh?back={Uri.EscapeDataString(path)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReportWithoutLanguagePreference_ChineseWithSwitchToEnglish()
    {
        // Arrange
        using var tab = new PageClient(host.Tab(language: null));

        // Act
        var (response, html) = await tab.GetAsync("/report");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", Html.Lang(html));
        Assert.Contains("href=\"/lang/en?back=%2Freport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConsolePagesSignedIn_CarryHeadersAndHaveNothingInline()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        using var tab = new PageClient(host.Tab());
        var signedIn = await tab.SignInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        foreach (var path in new[] { "/console", "/console/dashboard", $"/console/cases/{id}" })
        {
            // Act
            var (response, html) = await tab.GetAsync(path);

            // Assert
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
            AssertNothingInline(html);
            Assert.Equal("en", Html.Lang(html));
            Assert.Contains("href=\"/lang/zh?back=", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/dashboard")]
    [InlineData("/console/cases/0123456789abcdef0123456789abcdef")]
    public async Task Get_ConsolePageAnonymous_RedirectsToSignInWithReturnUrl(string path)
    {
        // Arrange
        using var tab = new PageClient(host.Tab());

        // Act
        var (response, _) = await tab.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), tab.LocalTarget(response));
    }

    [Theory]
    [InlineData("//evil.example", "/")]
    [InlineData("//evil.example/report", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/report?x=1", "/report?x=1")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/report\n", "/")]
    public async Task Lang_BackParameter_RedirectStaysLocal(string back, string expected)
    {
        // Arrange
        using var tab = new PageClient(host.Tab());

        // Act
        var (response, _) = await tab.GetAsync("/lang/en?back=" + Uri.EscapeDataString(back));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, PageClient.Location(response));
        var language = Assert.Single(PageClient.SetCookies(response, "dv-lang="));
        Assert.Contains("httponly", PageClient.CookieAttributes(language));
        Assert.Contains("samesite=strict", PageClient.CookieAttributes(language));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    private static void AssertNothingInline(string html)
    {
        Assert.Empty(Html.InlineScripts(html));
        Assert.Empty(Html.InlineStyles(html));
        Assert.Empty(Html.InlineHandlers(html));
    }
}
