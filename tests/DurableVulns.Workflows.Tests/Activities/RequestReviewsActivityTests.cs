using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
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
        const string removed = "old@miit.example.cn";
        var heldUp = HeldUpMail.Of($"case-1/review/r1/MIIT/{removed}", "case-1/review/r1/MIIT/…", Articles.Embargo, ActivitySamples.Received);
        var record = ActivitySamples.Case(CaseStage.Assessed).WithMailHeldUp(heldUp);
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.GetAsync("case-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => record);
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) => record = change(record));
        var audit = new Mock<IAuditLog>();
        var mailer = new Mock<IMailer>();
        var links = new Mock<IApprovalLinkIssuer>();
        links.Setup(l => l.IssueAsync(It.IsAny<ApprovalGrant>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalLinks("https://a", "https://r"));
        var journal = new CaseJournal(cases.Object, audit.Object, TimeProvider.System);
        var dispatcher = new MailDispatcher(mailer.Object, Mock.Of<ISentMailLog>(), journal, NullLogger<MailDispatcher>.Instance);
        var reviewers = Options.Create(new ReviewerOptions { MIIT = ["new@miit.example.cn"], MPS = ["reviewer@mps.example.cn"] });
        var activity = new RequestReviewsActivity(journal, dispatcher, links.Object, reviewers);

        // Act
        var asked = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Review);

        // Assert
        Assert.Equal(2, asked);
        Assert.Null(record.MailHeldUp);
        mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.To.Contains(removed)), It.IsAny<CancellationToken>()), Times.Never);
        mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.To.Contains("new@miit.example.cn")), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.MailWithdrawn && e.Article == Articles.Embargo),
            It.IsAny<CancellationToken>()), Times.Once);
    }
}
