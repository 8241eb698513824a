using Microsoft.Playwright;

namespace DurableVulns.Integration.Tests;

/// <summary>An analyst's day in headless Chromium: the list with its live countdowns, then two actions on a case.</summary>
public sealed class AnalystConsoleTests(ConsoleSite site) : IClassFixture<ConsoleSite>
{
    [Fact]
    public async Task CaseList_AnalystRecordsAssessmentAndNvdbReceipt_CountdownStops()
    {
        // Arrange: two cases; the first filed has the least time left.
        var first = await site.FileReportAsync();
        var second = await site.FileReportAsync();

        // Act: sign in, find the case at the top with its countdown, which ticks.
        var page = await site.SignInAsync(ConsoleSite.AnalystEmail, ConsoleSite.AnalystPassword);
        var listUrl = page.Url;
        var rowsBefore = await CaseOrderAsync(page);
        var topCountdown = page.Locator("tr.case-row").First.Locator(".countdown");
        var countdownText = await topCountdown.Locator(".countdown-time").InnerTextAsync();
        var countdownClass = await topCountdown.GetAttributeAsync("class");
        await page.WaitForFunctionAsync(
            "t => document.querySelector('tr.case-row .countdown-time').textContent !== t", countdownText);
        await ConsoleSite.ScreenshotAsync(page, "console-1-list");

        await ConsoleSite.NavigateAsync(page, () => page.Locator("tr.case-row").First.Locator("a").ClickAsync());
        await ConsoleSite.ScreenshotAsync(page, "console-2-case");
        await page.Locator("#f-severity").FillAsync("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        await page.Locator("#f-affectedVersions").FillAsync("2.3.0\n2.3.1");
        await page.Locator("#f-technicalCharacteristics").FillAsync("Unchecked strcpy in the login handler");
        await page.Locator("#f-harm").FillAsync("Remote code execution as root");
        await page.Locator("#f-scope").FillAsync("Devices exposing the admin interface");
        await ConsoleSite.NavigateAsync(page, () => page.Locator("#form-assess button").ClickAsync());
        var assessedMessage = await page.Locator("p.done").InnerTextAsync();

        await page.Locator("#f-receiptId").FillAsync("NVDB-2026-004242");
        await ConsoleSite.NavigateAsync(page, () => page.Locator("#form-miit button").ClickAsync());
        var submittedMessage = await page.Locator("p.done").InnerTextAsync();
        var caseCountdown = await page.Locator(".countdown").GetAttributeAsync("class");
        var caseCountdownText = await page.Locator(".countdown-time").InnerTextAsync();
        var auditText = await page.Locator("table.audit").InnerTextAsync();
        await ConsoleSite.ScreenshotAsync(page, "console-3-submitted");

        await page.GotoAsync(listUrl);
        var rowsAfter = await CaseOrderAsync(page);
        var stoppedRow = page.Locator($"tr.case-row[data-case='{first}'] .countdown");

        // Assert
        Assert.Equal([first, second], rowsBefore);
        Assert.EndsWith("left", countdownText);
        Assert.Contains("urgency-plenty", countdownClass);
        Assert.Equal("Assessment recorded.", assessedMessage);
        Assert.StartsWith("NVDB receipt recorded", submittedMessage);
        Assert.Contains("urgency-stopped", caseCountdown);
        Assert.StartsWith("Submitted", caseCountdownText);
        Assert.Contains(ConsoleSite.AnalystEmail + "\tAssessed", auditText);
        Assert.Contains(ConsoleSite.AnalystEmail + "\tMiitSubmitted", auditText);
        Assert.Contains(ConsoleSite.AnalystEmail + "\tCaseViewed", auditText);
        Assert.Equal([second, first], rowsAfter);
        Assert.Contains("urgency-stopped", await stoppedRow.GetAttributeAsync("class"));
        Assert.StartsWith("Submitted", await stoppedRow.Locator(".countdown-time").InnerTextAsync());
    }

    private static async Task<IReadOnlyList<string>> CaseOrderAsync(IPage page) =>
        [.. (await page.Locator("tr.case-row").AllAsync()).Select(row => row.GetAttributeAsync("data-case").Result!)];
}
