using System.Net;
using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>
/// The approval links through the real host, one attack at a time: each gets a clear 4xx page
/// and changes nothing.
/// </summary>
public sealed class ApprovalLinkSecurityTests(LongReviewHost host) : IClassFixture<LongReviewHost>
{
    [Fact]
    public async Task Get_ValidLinkOpenedTwice_ShowsConfirmPageAndChangesNothing()
    {
        // Arrange
        var (id, link) = await OpenReviewAsync(DurableVulnsHost.MiitReviewer, approve: true);
        var browser = host.Browser();

        // Act
        var first = await browser.GetAsync(link);
        var second = await browser.GetAsync(link);

        // Assert
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Contains("<form", page, StringComparison.Ordinal);
        Assert.Contains(id, page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-referrer", first.Headers.GetValues("Referrer-Policy").Single());
        var status = await host.StatusAsync(id);
        Assert.Equal("Pending", status["disclosure"]!["state"]!.GetValue<string>());
        Assert.Null(status["disclosure"]!["miit"]);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryField_Returns400AndChangesNothing()
    {
        // Arrange
        var (id, link) = await OpenReviewAsync(DurableVulnsHost.MiitReviewer, approve: true);
        var browser = host.Browser();
        await browser.GetAsync(link);

        // Act
        var response = await browser.PostAsync(link, new FormUrlEncodedContent([]));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null((await host.StatusAsync(id))["disclosure"]!["miit"]);
        Assert.Equal(HttpStatusCode.OK, (await ApprovalMail.ConfirmAsync(host.Browser(), link)).StatusCode);
    }

    [Fact]
    public async Task Post_SameLinkTwice_SecondIs409()
    {
        // Arrange
        var (id, link) = await OpenReviewAsync(DurableVulnsHost.MiitReviewer, approve: true);
        await ApprovalMail.ConfirmAsync(host.Browser(), link);

        // Act
        var again = await host.Browser().GetAsync(link);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(id, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await host.WaitForAsync(id, s => s.Has("ReviewerDecision"))).Count("ReviewerDecision"));
    }

    [Fact]
    public async Task Post_RejectLinkAfterSameReviewerApproved_Is409AndDecisionStands()
    {
        // Arrange
        var (id, approveLink) = await OpenReviewAsync(DurableVulnsHost.MiitReviewer, approve: true);
        var rejectLink = await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitReviewer, approve: false);
        await ApprovalMail.ConfirmAsync(host.Browser(), approveLink);

        // Act
        var reject = await ApprovalMail.ConfirmAsync(host.Browser(), rejectLink);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        var status = await host.WaitForAsync(id, s => s["disclosure"]!["miit"] is not null);
        Assert.Equal("Approved", status["disclosure"]!["miit"]!["decision"]!.GetValue<string>());
        Assert.Equal("Pending", status["disclosure"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SecondReviewerOfDecidedRole_Is409()
    {
        // Arrange
        var (id, link) = await OpenReviewAsync(DurableVulnsHost.MiitReviewer, approve: true);
        var deputyReject = await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitDeputy, approve: false);
        await ApprovalMail.ConfirmAsync(host.Browser(), link);

        // Act
        var response = await ApprovalMail.ConfirmAsync(host.Browser(), deputyReject);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False((await host.StatusAsync(id)).Has("DisclosureRejected"));
    }

    [Fact]
    public async Task Get_TamperedOrForgedLink_Returns404()
    {
        // Arrange
        var (id, link) = await OpenReviewAsync(DurableVulnsHost.MpsReviewer, approve: false);
        var token = link["/approvals/".Length..];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var flipped = token[..(dot - 3)] + (token[dot - 3] == 'A' ? 'B' : 'A') + token[(dot - 2)..];
        string[] attempts =
        [
            "/approvals/" + flipped,
            "/approvals/" + token[..dot] + ".AAAA",
            "/approvals/" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('/', '_').Replace('+', '-'),
            "/approvals/not-a-token",
        ];

        foreach (var attempt in attempts)
        {
            // Act
            var get = await host.Browser().GetAsync(attempt);
            var post = await host.Browser().PostAsync(attempt, new FormUrlEncodedContent([]));

            // Assert
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.True((int)post.StatusCode is >= 400 and < 500, $"{attempt}: {post.StatusCode}");
        }
        Assert.Equal("Pending", (await host.StatusAsync(id))["disclosure"]!["state"]!.GetValue<string>());
    }

    private async Task<(string Id, string Link)> OpenReviewAsync(string reviewer, bool approve)
    {
        var id = await host.AssessedCaseAsync();
        var response = await host.ActAsync(id, "disclosure-requests", SampleRequests.DisclosureRequest());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (id, await ApprovalMail.LinkAsync(host, id, reviewer, approve));
    }
}
