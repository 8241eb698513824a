using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// The reviewers' path end to end: the host as a real process on a real port, the approval links read
/// from the real <c>.eml</c> files of its pickup folder, opened and confirmed in headless Chromium.
/// Screenshots of every page visited go to <c>TestResults/screenshots/</c> under the test output directory.
/// </summary>
public sealed class ApprovalBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task ApprovalLink_ReviewerClicksApproveInChromium_CaseShowsTheDecision()
    {
        // Arrange: the host listens where its approval links point; an assessed case with an open request.
        var port = HostProcess.FreePort();
        await using var host = HostProcess.Start(sandbox.ReviewEnvironment(new Uri($"http://127.0.0.1:{port}")), sandbox.Directory, port);
        await host.WaitUntilReadyAsync();
        using var client = sandbox.Client(host);
        var id = await AssessedCaseAsync(client);
        var requested = await client.PostAsJsonAsync($"/api/reports/{id}/disclosure-requests", SampleRequests.DisclosureRequest());
        Assert.True(requested.StatusCode == HttpStatusCode.Accepted, await requested.Content.ReadAsStringAsync());
        var miitLink = await ReviewMail.LinkAsync(sandbox, id, DurableVulnsHost.MiitReviewer, approve: true);
        var mpsLink = await ReviewMail.LinkAsync(sandbox, id, DurableVulnsHost.MpsReviewer, approve: true);
        await using var chromium = await HeadlessChromium.LaunchAsync();

        // Act: each reviewer opens the link of their mail and presses the button.
        var miit = await ApproveAsync(chromium, miitLink, "miit");
        var afterMiit = await CaseDriver.PollAsync(client, id, s => s.Text("disclosure", "miit", "decision") is not null);
        var mps = await ApproveAsync(chromium, mpsLink, "mps");
        var afterMps = await CaseDriver.PollAsync(client, id, s => s.Text("disclosure", "state") is not (null or "Pending"));

        // Assert: both pages seen as a reviewer sees them, and the case shows each decision.
        Assert.Equal(host.BaseAddress.GetLeftPart(UriPartial.Authority), miitLink.GetLeftPart(UriPartial.Authority));
        foreach (var visit in new[] { miit, mps })
        {
            Assert.Equal(200, visit.ConfirmStatus);
            Assert.Contains(id, visit.ConfirmText, StringComparison.Ordinal);
            Assert.Contains("确认评审决定", visit.ConfirmText, StringComparison.Ordinal);
            Assert.Contains("Confirm your review decision", visit.ConfirmText, StringComparison.Ordinal);
            Assert.Contains("确认批准 Confirm: approve", visit.ConfirmText, StringComparison.Ordinal);
            Assert.Equal(0, visit.ConfirmScripts);
            Assert.DoesNotContain("<script", visit.ConfirmHtml, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(200, visit.ResultStatus);
            Assert.Contains("您的决定已记录", visit.ResultText, StringComparison.Ordinal);
            Assert.Contains("Your decision has been recorded.", visit.ResultText, StringComparison.Ordinal);
            Assert.Contains(id, visit.ResultText, StringComparison.Ordinal);
            Assert.All(visit.Screenshots, path => Assert.True(new FileInfo(path).Length > 0, path));
        }
        Assert.Contains("工业和信息化部 / MIIT", miit.ResultText, StringComparison.Ordinal);
        Assert.Contains("公安部 / MPS", mps.ResultText, StringComparison.Ordinal);
        Assert.Equal("Approved", afterMiit.Text("disclosure", "miit", "decision"));
        Assert.Equal(DurableVulnsHost.MiitReviewer, afterMiit.Text("disclosure", "miit", "reviewer"));
        Assert.Equal("Approved", afterMps.Text("disclosure", "state"));
        Assert.Equal("Approved", afterMps.Text("disclosure", "mps", "decision"));
        Assert.Equal(DurableVulnsHost.MpsReviewer, afterMps.Text("disclosure", "mps", "reviewer"));
    }

    /// <summary>Opens <paramref name="link"/> in a fresh browser context, reads the confirm page, presses its button, reads the result.</summary>
    private async Task<ReviewVisit> ApproveAsync(HeadlessChromium chromium, Uri link, string role)
    {
        var page = await chromium.NewPageAsync();
        try
        {
            var confirm = await page.GotoAsync(link.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var confirmText = await page.Locator("body").InnerTextAsync();
            var confirmHtml = await page.ContentAsync();
            var confirmScripts = await page.Locator("script").CountAsync();
            var confirmShot = await ScreenshotAsync(page, $"{role}-1-confirm");

            // The form posts to the same URL; the result page has no form (nor has any error page).
            var result = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button).ClickAsync(),
                response => response.Request.Method == "POST");
            await page.Locator("form").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            await page.WaitForLoadStateAsync(LoadState.Load);
            var resultText = await page.Locator("body").InnerTextAsync();
            var resultShot = await ScreenshotAsync(page, $"{role}-2-recorded");

            return new ReviewVisit(
                confirm?.Status ?? 0, confirmText, confirmHtml, confirmScripts,
                result.Status, resultText, [confirmShot, resultShot]);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"approval-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }

    private static async Task<string> AssessedCaseAsync(HttpClient client)
    {
        var filed = await client.PostAsJsonAsync("/api/reports", SampleRequests.Report());
        var body = await filed.Content.ReadAsStringAsync();
        Assert.True(filed.StatusCode == HttpStatusCode.Accepted, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<string>();
        var assessed = await client.PostAsJsonAsync($"/api/reports/{id}/assessment", SampleRequests.Assessment());
        Assert.True(assessed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await assessed.Content.ReadAsStringAsync());
        await CaseDriver.PollAsync(client, id, s => s["assessment"] is not null);
        return id;
    }

    private sealed record ReviewVisit(
        int ConfirmStatus, string ConfirmText, string ConfirmHtml, int ConfirmScripts,
        int ResultStatus, string ResultText, IReadOnlyList<string> Screenshots);
}
