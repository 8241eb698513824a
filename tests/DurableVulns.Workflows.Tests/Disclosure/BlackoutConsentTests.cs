using System.Net;
using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>Art. 9(6): inside a national-event blackout a publication waits for MPS consent.</summary>
public sealed class BlackoutConsentTests(BlackoutHost host) : IClassFixture<BlackoutHost>
{
    [Fact]
    public async Task Publish_InBlackoutMpsConsents_HeldThenPublishedAndClosed()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        // The affected-user notice goes out from the case's mail queue, beside its actions: wait for
        // it, so that the timeline's last entries are the publication's own.
        await host.WaitForAsync(id, s => s.Has("UsersNotified"));

        // Act
        var held = await host.ActAsync(id, "publication", SampleRequests.Advisory());
        var heldStatus = await host.StatusAsync(id);
        var consent = await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: true));
        var status = await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        Assert.Equal("HeldForMpsConsent", heldStatus["publication"]!["state"]!.GetValue<string>());
        Assert.True(heldStatus.Has("BlackoutHeld"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/review/", StringComparison.Ordinal) && MailReader.Header(m, "To") != DurableVulnsHost.MpsReviewer);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal(["BlackoutHeld", "ReviewerDecision", "MpsConsentGranted", "Published", "Closed"], status.TimelineTypes().TakeLast(5));
        Assert.Equal("Art. 9(6)", status["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "BlackoutHeld")!["article"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_InBlackoutMpsRefuses_NothingPublished()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "patch", SampleRequests.Patch());

        // Act
        await host.ActAsync(id, "publication", SampleRequests.Advisory());
        await ApprovalMail.ConfirmAsync(host.Browser(), await ApprovalMail.LinkAsync(host, id, DurableVulnsHost.MpsReviewer, approve: false));
        var status = await host.WaitForAsync(id, s => s.Has("MpsConsentRefused"));

        // Assert
        Assert.False(status.Has("Published"));
        Assert.Equal("NotPublished", status["publication"]!["state"]!.GetValue<string>());
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }
}
