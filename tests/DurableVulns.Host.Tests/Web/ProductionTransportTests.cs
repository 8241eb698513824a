using System.Net;
using System.Text.Json.Nodes;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// The pages in Production: every cookie they set is Secure, HttpOnly and SameSite=Strict, and a page
/// asked for over plain HTTP is redirected or refused, while the API and the health check are not.
/// </summary>
[Collection(ProductionCollection.Name)]
public sealed class ProductionTransportTests(ProductionConsoleHost host)
{
    private const string HttpsOnlyTitle = "This page is served over HTTPS only.";

    [Fact]
    public async Task SignIn_ProductionOverHttps_ConsoleCookieSecureHttpOnlySameSiteStrict()
    {
        // Arrange
        using var tab = new PageClient(host.Tab(https: true));

        // Act
        var response = await tab.SignInAsync(Testing.ConsoleHost.AnalystEmail, Testing.ConsoleHost.AnalystPassword);
        var (console, _) = await tab.GetAsync("/console");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertStrictCookie(response, "dv-console=");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/console/sign-in")]
    [InlineData("/healthz")]
    public async Task Get_ProductionOverHttps_SendsHsts(string path)
    {
        // Arrange
        using var tab = host.Tab(https: true);

        // Act
        using var response = await tab.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task GetSignIn_ProductionOverHttps_AntiforgeryCookieSecureHttpOnlySameSiteStrict()
    {
        // Arrange
        using var tab = new PageClient(host.Tab(https: true));

        // Act
        var (response, html) = await tab.GetAsync("/console/sign-in");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Html.RequestToken(html));
        AssertStrictCookie(response, ".AspNetCore.Antiforgery.");
    }

    [Fact]
    public async Task GetLang_ProductionOverHttps_LanguageCookieSecureHttpOnlySameSiteStrict()
    {
        // Arrange
        using var tab = new PageClient(host.Tab(https: true));

        // Act
        var (response, _) = await tab.GetAsync("/lang/en?back=%2Freport");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertStrictCookie(response, "dv-lang=");
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/console/sign-in?ReturnUrl=%2Fconsole")]
    [InlineData("/track/some-token")]
    public async Task GetPage_ProductionOverHttp_PermanentRedirectToHttps(string path)
    {
        // Arrange
        using var tab = new PageClient(host.Tab(https: false));

        // Act
        var (response, _) = await tab.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("https://localhost" + path, PageClient.Location(response));
        Assert.Empty(PageClient.SetCookies(response, ""));
    }

    [Fact]
    public async Task PostReport_ProductionOverHttp_Returns400ProblemAndFilesNoCase()
    {
        // Arrange
        using var secure = new PageClient(host.Tab(https: true));
        var (_, form) = await secure.GetAsync("/report");
        using var plain = new PageClient(host.Tab(https: false));
        var cases = host.Services.GetRequiredService<ICaseStore>();
        var before = (await cases.ListAsync()).Count;

        // Act
        var response = await plain.PostFormAsync("/report",
            [new("reporter.name", "Li Wei"), new("reporter.email", "liwei@lab.example.cn"), new("title", "t")], Html.RequestToken(form));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpsOnlyTitle, JsonNode.Parse(body)!["title"]!.GetValue<string>());
        Assert.DoesNotContain("/track/", body, StringComparison.Ordinal);
        Assert.Equal(before, (await cases.ListAsync()).Count);
    }

    [Fact]
    public async Task PostSignIn_ProductionOverHttp_Returns400AndSetsNoCookie()
    {
        // Arrange
        using var plain = new PageClient(host.Tab(https: false));

        // Act
        var response = await plain.PostSignInAsync(Testing.ConsoleHost.AnalystEmail, Testing.ConsoleHost.AnalystPassword, token: null);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpsOnlyTitle, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        Assert.Empty(PageClient.SetCookies(response, "dv-console="));
    }

    [Fact]
    public async Task GetHealthz_ProductionOverHttp_Returns200NotRedirected()
    {
        // Arrange
        using var plain = new PageClient(host.Tab(https: false));

        // Act
        var (response, body) = await plain.GetAsync("/healthz");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetApi_ProductionOverHttp_AnsweredNotRedirected()
    {
        // Arrange
        var id = await host.SubmitReportAsync();

        // Act
        var status = await host.Psirt.GetAsync($"/api/reports/{id}");

        // Assert
        Assert.Equal("http", host.Psirt.BaseAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    private static void AssertStrictCookie(HttpResponseMessage response, string namePrefix)
    {
        var cookie = Assert.Single(PageClient.SetCookies(response, namePrefix));
        var attributes = PageClient.CookieAttributes(cookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }
}
