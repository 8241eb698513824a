using System.Net.Http.Json;
using DurableVulns.Testing;
using Microsoft.Playwright;

namespace DurableVulns.Integration.Tests;

/// <summary>Roles and sign-in in headless Chromium: the lead's dashboard, an analyst refused the close, anonymous visitors sent to sign in.</summary>
public sealed class LeadConsoleTests(ConsoleSite site) : IClassFixture<ConsoleSite>
{
    [Fact]
    public async Task Dashboard_LeadSignsIn_ShowsChartsAndNextDeadlines()
    {
        var id = await site.FileReportAsync();
        var page = await site.SignInAsync(ConsoleSite.LeadEmail, ConsoleSite.LeadPassword);

        var response = await page.GotoAsync(site.Url("/console/dashboard"));
        var charts = await page.Locator("svg[role=img]").CountAsync();
        var stageChart = await page.Locator("#chart-stages svg").TextContentAsync();
        var deadlines = await page.Locator("#next-deadlines").InnerTextAsync();
        await ConsoleSite.ScreenshotAsync(page, "console-4-dashboard");

        Assert.Equal(200, response!.Status);
        Assert.Equal(2, charts);
        Assert.Contains("Received", stageChart);
        Assert.Contains(id[..8], deadlines);
    }

    [Fact]
    public async Task CloseCase_AnalystPostsTheForm_RefusedAndCaseStaysOpen()
    {
        // Arrange: a case that may be closed (assessed, submitted, patched).
        var id = await site.FileReportAsync();
        await ActAsync(id, "assessment", SampleRequests.Assessment());
        await ActAsync(id, "miit-submission", SampleRequests.Submission());
        await ActAsync(id, "patch", SampleRequests.Patch());
        var analyst = await site.SignInAsync(ConsoleSite.AnalystEmail, ConsoleSite.AnalystPassword);
        await analyst.GotoAsync(site.Url($"/console/cases/{id}"));
        var closeForms = await analyst.Locator("#form-close").CountAsync();
        var note = await analyst.Locator("#close-needs-lead").InnerTextAsync();

        // Act: post the close form anyway, with the page's own anti-forgery token.
        var token = await analyst.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var refused = await ConsoleSite.NavigateAsync(analyst, () => analyst.EvaluateAsync("""
            token => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = location.pathname + '?handler=Close';
              const input = document.createElement('input');
              input.name = '__RequestVerificationToken';
              input.value = token;
              form.appendChild(input);
              document.body.appendChild(form);
              form.submit();
            }
            """, token));
        await ConsoleSite.ScreenshotAsync(analyst, "console-5-analyst-refused");
        var stageAfterAnalyst = (await CaseDriver.StatusAsync(site.Psirt, id)).Text("stage");

        var lead = await site.SignInAsync(ConsoleSite.LeadEmail, ConsoleSite.LeadPassword);
        await lead.GotoAsync(site.Url($"/console/cases/{id}"));
        await ConsoleSite.NavigateAsync(lead, () => lead.Locator("#form-close button").ClickAsync());
        var leadMessage = await lead.Locator("p.done").InnerTextAsync();

        // Assert
        Assert.Equal(0, closeForms);
        Assert.Equal("Closing the case needs a lead.", note);
        Assert.Equal(403, refused.Status);
        Assert.Contains("/console/denied", analyst.Url);
        Assert.Equal("PatchReleased", stageAfterAnalyst);
        Assert.Equal("Case closed.", leadMessage);
        Assert.Equal("Closed", (await CaseDriver.StatusAsync(site.Psirt, id)).Text("stage"));
    }

    [Fact]
    public async Task CaseList_ChineseBrowser_ChinesePageWithLiveCountdownInChinese()
    {
        var id = await site.FileReportAsync();
        var page = await site.SignInAsync(ConsoleSite.LeadEmail, ConsoleSite.LeadPassword, locale: "zh-CN");

        var row = page.Locator($"tr.case-row[data-case='{id}'] .countdown-time");
        var rendered = await row.InnerTextAsync();
        await page.WaitForFunctionAsync(
            "([id, t]) => document.querySelector(`tr.case-row[data-case='${id}'] .countdown-time`).textContent !== t", new[] { id, rendered });
        var ticked = await row.InnerTextAsync();
        await ConsoleSite.ScreenshotAsync(page, "console-6-list-zh");

        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("未结案件", await page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("剩余 1天 ", rendered);
        Assert.StartsWith("剩余 1天 ", ticked);
    }

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/dashboard")]
    [InlineData("/console/cases/0123456789abcdef0123456789abcdef")]
    public async Task ConsolePage_Anonymous_RedirectsToSignIn(string path)
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync(site.Url(path));
        await ConsoleSite.ScreenshotAsync(page, "console-0-sign-in");

        Assert.Equal(200, response!.Status);
        Assert.StartsWith(site.Url("/console/sign-in"), page.Url);
        Assert.Equal(1, await page.Locator("input[type=password]").CountAsync());
    }

    private async Task ActAsync(string id, string action, System.Text.Json.Nodes.JsonObject body)
    {
        var response = await site.Psirt.PostAsJsonAsync($"/api/reports/{id}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
