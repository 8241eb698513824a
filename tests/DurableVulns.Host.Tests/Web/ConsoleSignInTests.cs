using System.Net;
using DurableVulns.Testing;

namespace DurableVulns.Host.Tests.Web;

/// <summary>The console's sign-in form in Development: its cookies, its anti-forgery token, lock-out, and where it sends you.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleSignInTests(ConsoleHost host)
{
    [Fact]
    public async Task SignIn_Development_ConsoleAndAntiforgeryCookiesHttpOnlyAndSameSiteStrict()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        var (page, html) = await tab.GetAsync("/console/sign-in");

        // Act
        var response = await tab.PostSignInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword, Html.RequestToken(html));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var antiforgery = CookieAttributesOf(page, ".AspNetCore.Antiforgery.");
        Assert.Contains("httponly", antiforgery);
        Assert.Contains("samesite=strict", antiforgery);
        var console = CookieAttributesOf(response, "dv-console=");
        Assert.Contains("httponly", console);
        Assert.Contains("samesite=strict", console);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400AndSignsNobodyIn()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        await tab.GetAsync("/console/sign-in");

        // Act
        var response = await tab.PostSignInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword, token: null);
        var (console, _) = await tab.GetAsync("/console");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(PageClient.SetCookies(response, "dv-console="));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("/console/sign-in?", tab.LocalTarget(console), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswordsInARow_RightPasswordThenRefusedButOtherUserSignsIn()
    {
        // Arrange
        var locked = ConsoleHost.SpareAnalysts[0];
        var other = ConsoleHost.SpareAnalysts[1];
        using var tab = new PageClient(host.Tab());
        var (_, html) = await tab.GetAsync("/console/sign-in");
        var token = Html.RequestToken(html);
        var failures = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            failures.Add((await tab.PostSignInAsync(locked, "wrong-" + i, token)).StatusCode);

        // Act
        var sixth = await tab.PostSignInAsync(locked, ConsoleHost.AnalystPassword, token);
        var sixthPage = await sixth.Content.ReadAsStringAsync();
        using var otherTab = new PageClient(host.Tab());
        var otherUser = await otherTab.SignInAsync(other, ConsoleHost.AnalystPassword);

        // Assert
        Assert.All(failures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        Assert.Contains("Too many failed sign-ins in a row", sixthPage, StringComparison.Ordinal);
        Assert.Empty(PageClient.SetCookies(sixth, "dv-console="));
        Assert.Equal(HttpStatusCode.Redirect, otherUser.StatusCode);
        Assert.Equal("/console", PageClient.Location(otherUser));
        Assert.Single(PageClient.SetCookies(otherUser, "dv-console="));
    }

    [Fact]
    public async Task SignIn_WrongThenRightPassword_SignsInAndResetsTheCount()
    {
        // Arrange
        var user = ConsoleHost.SpareAnalysts[2];
        using var tab = new PageClient(host.Tab());
        var (_, html) = await tab.GetAsync("/console/sign-in");
        var wrong = await tab.PostSignInAsync(user, "wrong", Html.RequestToken(html));

        // Act
        var first = await tab.PostSignInAsync(user, ConsoleHost.AnalystPassword, Html.RequestToken(html));
        // Four more failures after the success: locked only if the first failure still counted.
        using var again = new PageClient(host.Tab());
        var (_, againHtml) = await again.GetAsync("/console/sign-in");
        var laterFailures = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            laterFailures.Add((await again.PostSignInAsync(user, "wrong-" + i, Html.RequestToken(againHtml))).StatusCode);
        var second = await again.PostSignInAsync(user, ConsoleHost.AnalystPassword, Html.RequestToken(againHtml));

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/console", PageClient.Location(first));
        Assert.All(laterFailures, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(PageClient.SetCookies(second, "dv-console="));
    }

    [Theory]
    [InlineData("https://evil.example/", "/console")]
    [InlineData("//evil.example/", "/console")]
    [InlineData("/\\evil.example/", "/console")]
    [InlineData("/console/dashboard", "/console/dashboard")]
    public async Task SignIn_ReturnUrl_RedirectsOnlyToLocalPages(string returnUrl, string expected)
    {
        // Arrange
        using var tab = new PageClient(host.Tab());

        // Act
        var response = await tab.SignInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, PageClient.Location(response));
    }

    private static IReadOnlyList<string> CookieAttributesOf(HttpResponseMessage response, string namePrefix) =>
        PageClient.CookieAttributes(Assert.Single(PageClient.SetCookies(response, namePrefix)));
}
