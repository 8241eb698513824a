using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Testing;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Crash while an approval waits: an early-disclosure review has mailed both reviewers their links,
/// one reviewer has the confirm page open, and the host is SIGKILLed. On the restarted host the
/// reviewers press approve (one on the page loaded before the crash) and the disclosure is approved.
/// </summary>
public sealed class ApprovalCrashTests : IAsyncLifetime
{
    // A review that does not time out during the test, and a MIIT clock that does not fire.
    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task Approval_HostKilledWhileReviewWaits_RestartedHostRecordsBothApprovals()
    {
        // Arrange: the host listens where its links point; an assessed case with an open disclosure request.
        var port = HostProcess.FreePort();
        var environment = sandbox.ReviewEnvironment(new Uri($"http://127.0.0.1:{port}"));
        using var miitBrowser = Browser(port);
        using var mpsBrowser = Browser(port);
        string id;
        Uri miitLink;
        Uri mpsLink;
        string miitPage;
        await using (var first = HostProcess.Start(environment, sandbox.Directory, port))
        {
            await first.WaitUntilReadyAsync();
            using var client = sandbox.Client(first);
            var filed = await CaseDriver.FileAsync(client, CaseDriver.Report(1));
            Assert.True(filed.Accepted, filed.Body);
            id = filed.CaseId!;
            var assessed = await client.PostAsJsonAsync($"/api/reports/{id}/assessment", SampleRequests.Assessment());
            Assert.True(assessed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, await assessed.Content.ReadAsStringAsync());
            await CaseDriver.PollAsync(client, id, s => s.Has("Assessed"));
            var requested = await client.PostAsJsonAsync($"/api/reports/{id}/disclosure-requests", SampleRequests.DisclosureRequest());
            Assert.True(requested.StatusCode == HttpStatusCode.Accepted, await requested.Content.ReadAsStringAsync());
            miitLink = await ReviewMail.LinkAsync(sandbox, id, DurableVulnsHost.MiitReviewer, approve: true);
            mpsLink = await ReviewMail.LinkAsync(sandbox, id, DurableVulnsHost.MpsReviewer, approve: true);
            var shown = await miitBrowser.GetAsync(miitLink.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            miitPage = await shown.Content.ReadAsStringAsync();

            // Act: SIGKILL while the review waits on both decisions.
            first.Kill();
        }

        await using var second = HostProcess.Start(environment, sandbox.Directory, port);
        await second.WaitUntilReadyAsync();
        using var restarted = sandbox.Client(second);
        var miitDecision = await miitBrowser.PostAsync(miitLink.PathAndQuery, new FormUrlEncodedContent(ApprovalMail.HiddenFields(miitPage)));
        var mpsDecision = await ApprovalMail.ConfirmAsync(mpsBrowser, mpsLink.PathAndQuery);
        var status = await CaseDriver.PollAsync(restarted, id, s => s.Text("disclosure", "state") is not (null or "Pending"));

        // Assert: both decisions recorded on the restarted host, and the disclosure approved once.
        foreach (var decision in new[] { miitDecision, mpsDecision })
        {
            var page = await decision.Content.ReadAsStringAsync();
            Assert.True(decision.StatusCode == HttpStatusCode.OK, page);
            Assert.Contains("Your decision has been recorded.", page, StringComparison.Ordinal);
        }
        Assert.Equal("Approved", status.Text("disclosure", "state"));
        Assert.Equal("Approved", status.Text("disclosure", "miit", "decision"));
        Assert.Equal("Approved", status.Text("disclosure", "mps", "decision"));
        Assert.Equal(1, status.Count("DisclosureRequested"));
        Assert.Equal(2, status.Count("ReviewerDecision"));
        Assert.Equal(1, status.Count("DisclosureApproved"));

        // The restart sent no second review request: one mail to each reviewer.
        var reviewMails = sandbox.MailKeys().Where(k => k.StartsWith(id + "/review/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reviewMails.Count);
        Assert.Single(reviewMails, k => k.EndsWith("/" + DurableVulnsHost.MiitReviewer, StringComparison.Ordinal));
        Assert.Single(reviewMails, k => k.EndsWith("/" + DurableVulnsHost.MpsReviewer, StringComparison.Ordinal));
    }

    /// <summary>A reviewer's browser: its own cookies (the anti-forgery cookie among them), no redirects followed.</summary>
    private static HttpClient Browser(int port) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
}
