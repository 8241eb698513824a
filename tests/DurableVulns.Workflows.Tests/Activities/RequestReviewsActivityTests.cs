using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

public sealed class RequestReviewsActivityTests
{
    private static readonly ReviewInput Review = new("case-1", "r1", ReviewKind.EarlyDisclosure, [ReviewerRole.MIIT, ReviewerRole.MPS],
        ActivitySamples.Received, ReviewPolicy.Default);

    [Fact]
    public async Task Run_RetriedAfterAHeldUpReviewerWasTakenOut_WithdrawsTheirRequestAndAsksTheConfiguredOnes()
    {
        // Arrange: the request to the MIIT reviewer who has since been replaced was held up in an outage.
        var parts = new ReviewActivityParts("case-1/review/r1/MIIT/old@miit.example.cn", SentMailState.Delayed)
        {
            Reviewers = new ReviewerOptions { MIIT = ["new@miit.example.cn"], MPS = ["reviewer@mps.example.cn"] },
        };
        var activity = new RequestReviewsActivity(parts.Journal, parts.Dispatcher, parts.Links.Object, parts.ReviewerSettings);

        // Act
        var asked = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Review);

        // Assert
        Assert.Equal(2, asked);
        Assert.Null(parts.Record.MailHeldUp);
        parts.VerifySentTo("old@miit.example.cn", Times.Never());
        parts.VerifySentTo("new@miit.example.cn", Times.Once());
        parts.VerifyWithdrawals(Times.Once());
    }
}
