using System.Net;
using System.Text.Json.Nodes;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>
/// Art. 9(1) on the real engine: an early disclosure needs MIIT and MPS, each deciding through
/// the approval link in their mail; a rejection keeps the embargo.
/// </summary>
public sealed class EarlyDisclosureTests(LongReviewHost host) : IClassFixture<LongReviewHost>
{
    [Fact]
    public async Task Disclosure_MiitAndMpsApprove_ApprovedAndAdvisoryPublishesBeforePatch()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        var requestId = await RequestAsync(id);

        // Act
        var miit = await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitReviewer, approve: true));
        var mps = await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: true));
        var status = await host.WaitForAsync(id, s => s.Has("DisclosureApproved"));
        var published = await host.ActAsync(id, "publication", SampleRequests.Advisory());

        // Assert
        Assert.Equal(HttpStatusCode.OK, miit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mps.StatusCode);
        var disclosure = status["disclosure"]!;
        Assert.Equal(requestId, disclosure["requestId"]!.GetValue<string>());
        Assert.Equal("Approved", disclosure["state"]!.GetValue<string>());
        Assert.Equal("Approved", disclosure["miit"]!["decision"]!.GetValue<string>());
        Assert.Equal(DurableVulnsHost.MiitReviewer, disclosure["miit"]!["reviewer"]!.GetValue<string>());
        Assert.Equal(DurableVulnsHost.MpsReviewer, disclosure["mps"]!["reviewer"]!.GetValue<string>());
        Assert.NotNull(disclosure["mps"]!["at"]);
        Assert.False(status["embargoed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var after = await host.StatusAsync(id);
        Assert.Equal("Published", after["publication"]!["state"]!.GetValue<string>());
        Assert.Equal("Assessed", after["stage"]!.GetValue<string>());
        Assert.Single(host.MailFiles(), m => m.Contains(id + "/advisory/customers@acme.example.cn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disclosure_ApprovedForALaterDate_PublicationRefusedUntilThen()
    {
        // Arrange: both approve a disclosure proposed for ten days on.
        var id = await host.AssessedCaseAsync();
        var later = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(10));
        await RequestAsync(id, later);
        await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitReviewer, approve: true));
        await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: true));
        await host.WaitForAsync(id, s => s.Has("DisclosureApproved"));

        // Act
        var publication = await host.ActAsync(id, "publication", SampleRequests.Advisory());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, publication.StatusCode);
        var body = await publication.Content.ReadAsStringAsync();
        Assert.Contains("Art. 9(1)", body, StringComparison.Ordinal);
        Assert.Contains(later.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disclosure_MpsRejects_RejectedAndEmbargoHolds()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        await RequestAsync(id);

        // Act
        await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MiitReviewer, approve: true));
        await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: false));
        var status = await host.WaitForAsync(id, s => s.Has("DisclosureRejected"));
        var publication = await host.ActAsync(id, "publication", SampleRequests.Advisory());

        // Assert
        Assert.Equal("Rejected", status["disclosure"]!["state"]!.GetValue<string>());
        Assert.Equal("Rejected", status["disclosure"]!["mps"]!["decision"]!.GetValue<string>());
        Assert.True(status["embargoed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, publication.StatusCode);
        Assert.Contains("Art. 9(1)", await publication.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disclosure_SecondRequestWhileOpen_Returns409()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        await RequestAsync(id);

        // Act
        var second = await host.ActAsync(id, "disclosure-requests", SampleRequests.DisclosureRequest());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, (await host.StatusAsync(id)).Count("DisclosureRequested"));
    }

    [Fact]
    public async Task Disclosure_InvalidRequest_Returns400NamingFields()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        var request = SampleRequests.DisclosureRequest();
        request["requestedBy"] = "press";
        request.Remove("proposedDate");

        // Act
        var response = await host.ActAsync(id, "disclosure-requests", request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.NotNull(errors["requestedBy"]);
        Assert.NotNull(errors["proposedDate"]);
    }

    [Fact]
    public async Task Disclosure_DecisionArrivingAsTheReviewEnds_OnTheTrailAsNotCounted()
    {
        // Arrange: a review waiting for both authorities (their mails are out).
        var id = await host.AssessedCaseAsync();
        var requestId = await RequestAsync(id);
        await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: true);
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        var review = ReviewInput.InstanceIdFor(id, requestId);

        // Act: MIIT's rejection ends the review; MPS's approval, redeemed in the same moment, reaches
        // it right behind, before the review has closed.
        await workflows.RaiseEventAsync(review, EventNames.Approval(ReviewerRole.MIIT, requestId),
            new ReviewDecision(ReviewerRole.MIIT, DurableVulnsHost.MiitReviewer, Approved: false, DateTime.UtcNow));
        await workflows.RaiseEventAsync(review, EventNames.Approval(ReviewerRole.MPS, requestId),
            new ReviewDecision(ReviewerRole.MPS, DurableVulnsHost.MpsReviewer, Approved: true, DateTime.UtcNow));
        var status = await host.WaitForAsync(id, s => s.Has("DisclosureRejected") && s.Has("ActionRefused"));

        // Assert: the outcome stands, and the trail keeps the late decision, by its reviewer.
        Assert.Equal("Rejected", status["disclosure"]!["state"]!.GetValue<string>());
        Assert.Null(status["disclosure"]!["mps"]);
        Assert.Contains("MPS decision (approve)", status.Detail("ActionRefused"), StringComparison.Ordinal);
        Assert.Contains("after the review had ended (Rejected)", status.Detail("ActionRefused"), StringComparison.Ordinal);
    }

    private async Task<string> RequestAsync(string id, DateOnly? proposedDate = null)
    {
        var response = await host.ActAsync(id, "disclosure-requests", SampleRequests.DisclosureRequest(proposedDate));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        return JsonNode.Parse(body)!["requestId"]!.GetValue<string>();
    }
}
