using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Testing;
using DurableVulns.Web.Console;
using Microsoft.Playwright;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// The host as a real process (Production environment, so cookies are Secure) with an analyst and a
/// lead configured, on a two-day MIIT clock, and headless Chromium to drive its pages.
/// </summary>
public sealed class ConsoleSite : IAsyncLifetime
{
    public const string AnalystEmail = "analyst@acme.example";
    public const string LeadEmail = "lead@acme.example";
    public const string AnalystPassword = "analyst-Pa55word";
    public const string LeadPassword = "lead-Pa55word";

    /// <summary>Screenshots of every page the tests visit, kept as test artifacts.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly HostSandbox sandbox = new(TestPolicies.SlowClock);
    private HostProcess? host;

    public HeadlessChromium Chromium { get; private set; } = null!;

    public Uri BaseAddress => host!.BaseAddress;

    public HttpClient Psirt { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await sandbox.InitializeAsync();
        var environment = sandbox.Environment();
        environment["DurableVulns__Console__Users__0__Email"] = AnalystEmail;
        environment["DurableVulns__Console__Users__0__PasswordHash"] = LocalSignIn.HashPassword(AnalystPassword);
        environment["DurableVulns__Console__Users__0__Role"] = ConsoleRoles.Analyst;
        environment["DurableVulns__Console__Users__1__Email"] = LeadEmail;
        environment["DurableVulns__Console__Users__1__PasswordHash"] = LocalSignIn.HashPassword(LeadPassword);
        environment["DurableVulns__Console__Users__1__Role"] = ConsoleRoles.Lead;
        host = HostProcess.Start(environment, sandbox.Directory);
        await host.WaitUntilReadyAsync();
        Psirt = sandbox.Client(host);
        Chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null) await Chromium.DisposeAsync();
        Psirt?.Dispose();
        if (host is not null) await host.DisposeAsync();
        await sandbox.DisposeAsync();
    }

    /// <summary>Files a report through the API (as a scripted reporter would) and returns its id.</summary>
    public async Task<string> FileReportAsync(JsonObject? report = null)
    {
        var filed = await Psirt.PostAsJsonAsync("/api/reports", report ?? SampleRequests.Report());
        var body = await filed.Content.ReadAsStringAsync();
        Assert.True(filed.StatusCode == HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>A fresh browser context (its own cookies) in English or Chinese.</summary>
    public Task<IPage> NewPageAsync(string locale = "en-US") => Chromium.NewPageAsync(locale);

    /// <summary>Signs in through the form and waits for the case list.</summary>
    public async Task<IPage> SignInAsync(string email, string password, string locale = "en-US")
    {
        var page = await NewPageAsync(locale);
        await page.GotoAsync(Url("/console/sign-in"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await NavigateAsync(page, () => page.Locator("main button[type=submit]").ClickAsync());
        return page;
    }

    /// <summary>
    /// Runs <paramref name="action"/> (a click that submits a form, a link) and waits until the page it
    /// leads to has loaded, redirects followed; returns that page's response.
    /// </summary>
    public static async Task<IResponse> NavigateAsync(IPage page, Func<Task> action)
    {
        // Marked obsolete in favour of WaitForURLAsync, which cannot tell a form that renders again at
        // the same URL (a validation error) from the page before it; this waits for the new document.
#pragma warning disable CS0612
        var response = await page.RunAndWaitForNavigationAsync(action, new PageRunAndWaitForNavigationOptions { WaitUntil = WaitUntilState.Load });
#pragma warning restore CS0612
        return response ?? throw new InvalidOperationException("The navigation had no response.");
    }

    public string Url(string path) => new Uri(BaseAddress, path).AbsoluteUri;

    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
