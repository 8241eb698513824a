using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DurableVulns.Integration.Tests;

/// <summary>The reporter's side in headless Chromium: the form, the receipt and the tracking page.</summary>
public sealed partial class ReporterPortalTests(ConsoleSite site) : IClassFixture<ConsoleSite>
{
    [Fact]
    public async Task ReportForm_InvalidEmailThenFixed_ReceiptLinkShowsTheStage()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/report"));
        await ConsoleSite.ScreenshotAsync(page, "portal-1-form");

        // One invalid field first: the error appears beside it and every value typed is kept.
        await FillReportAsync(page, "not-an-address");
        var invalid = await ConsoleSite.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        var emailError = await page.Locator("#f-reporter-email-error").InnerTextAsync();
        var keptName = await page.Locator("#f-reporter-name").InputValueAsync();
        var keptDescription = await page.Locator("#f-description").InputValueAsync();
        var otherErrors = await page.Locator("p.error").CountAsync();
        await ConsoleSite.ScreenshotAsync(page, "portal-2-invalid");

        await page.Locator("#f-reporter-email").FillAsync("finder@lab.example.cn");
        await ConsoleSite.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        var caseId = await page.Locator("#case-id").InnerTextAsync();
        var trackingHref = await page.Locator("#tracking-link").GetAttributeAsync("href");
        await ConsoleSite.ScreenshotAsync(page, "portal-3-receipt");

        var tracking = await ConsoleSite.NavigateAsync(page, () => page.Locator("#tracking-link").ClickAsync());
        var stage = await page.Locator("#stage").InnerTextAsync();
        var trackingText = await page.Locator("main").InnerTextAsync();
        await ConsoleSite.ScreenshotAsync(page, "portal-4-tracking");

        Assert.Equal(400, invalid.Status);
        Assert.Equal("must be a valid e-mail address.", emailError);
        Assert.Equal(1, otherErrors);
        Assert.Equal("Wei Li", keptName);
        Assert.Equal(Description, keptDescription);
        Assert.Matches("^[0-9a-f]{32}$", caseId);
        Assert.Matches(TrackingPath(), trackingHref!);
        Assert.Equal(200, tracking.Status);
        Assert.Equal("Received: being verified", stage);
        Assert.Contains(caseId, trackingText);
        Assert.DoesNotContain("strcpy", trackingText);
        Assert.DoesNotContain("Login handler overflow", trackingText);
        Assert.DoesNotContain(trackingHref!, await page.TitleAsync());
    }

    [Fact]
    public async Task TrackingLink_Tampered_Answers404Page()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/report"));
        await FillReportAsync(page, "finder@lab.example.cn");
        await ConsoleSite.NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        var link = (await page.Locator("#tracking-link").GetAttributeAsync("href"))!;
        var tampered = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        var valid = await page.GotoAsync(site.Url(link));
        var forged = await page.GotoAsync(site.Url(tampered));
        var forgedText = await page.Locator("main").InnerTextAsync();
        await ConsoleSite.ScreenshotAsync(page, "portal-5-tampered");
        var malformed = await page.GotoAsync(site.Url("/track/%3Cscript%3E"));

        Assert.Equal(200, valid!.Status);
        Assert.Equal(404, forged!.Status);
        Assert.Contains("Link not found", forgedText);
        Assert.Equal(404, malformed!.Status);
    }

    [Fact]
    public async Task LanguageSwitch_ChineseChosen_PageInChineseWithLangSet()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/report"));
        var englishLang = await page.Locator("html").GetAttributeAsync("lang");

        await ConsoleSite.NavigateAsync(page, () => page.Locator("nav.lang a").ClickAsync());

        Assert.Equal("en", englishLang);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.EndsWith("/report", page.Url);
        Assert.Equal("报告漏洞", await page.Locator("h1").InnerTextAsync());
    }

    private const string Description = "The username parameter of the login page overflows the stack (unchecked strcpy).";

    private static async Task FillReportAsync(IPage page, string email)
    {
        await page.Locator("#f-reporter-name").FillAsync("Wei Li");
        await page.Locator("#f-reporter-email").FillAsync(email);
        await page.Locator("#f-reporter-country").FillAsync("CN");
        await page.Locator("#f-product-vendor").FillAsync("Acme");
        await page.Locator("#f-product-name").FillAsync("Router X");
        await page.Locator("#f-product-version").FillAsync("2.3.1");
        await page.Locator("#f-title").FillAsync("Login handler overflow");
        await page.Locator("#f-description").FillAsync(Description);
    }

    [GeneratedRegex("^/track/[A-Za-z0-9_-]{43}$")]
    private static partial Regex TrackingPath();
}
