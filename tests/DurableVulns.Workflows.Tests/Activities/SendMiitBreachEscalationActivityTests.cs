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

/// <summary>The deadline's escalation waits in the case's mail queue; a submission recorded meanwhile wins.</summary>
public sealed class SendMiitBreachEscalationActivityTests
{
    [Fact]
    public async Task RunAsync_SubmissionRecordedWhileItWaited_SendsNothingAndRecordsNothing()
    {
        // Arrange
        var (activity, mailer, audit) = Create(ActivitySamples.Case(CaseStage.Assessed) with
        {
            MiitBreached = true, MiitSubmittedAtUtc = ActivitySamples.Deadline.AddHours(1), MiitReceiptId = "r",
        });

        // Act
        var escalated = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Deadline());

        // Assert
        Assert.False(escalated);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
        audit.Verify(a => a.AppendAsync(It.IsAny<string>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunAsync_StillNotSubmitted_MailsPsirtAndRecordsTheEscalation()
    {
        // Arrange
        var (activity, mailer, audit) = Create(ActivitySamples.Case(CaseStage.Received) with { MiitBreached = true });

        // Act
        var escalated = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Deadline());

        // Assert
        Assert.True(escalated);
        mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.Key == "case-1/miit-deadline-missed" && mail.To.SequenceEqual(new[] { "psirt@acme.example" })), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "escalation-deadline" && e.Type == TimelineTypes.Escalation), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static ClockStepInput Deadline() => new("case-1", new ClockStep(ClockStepKind.Deadline, 0, ActivitySamples.Deadline));

    private static (SendMiitBreachEscalationActivity Activity, Mock<IMailer> Mailer, Mock<IAuditLog> Audit) Create(CaseRecord record)
    {
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.GetAsync(record.Id, It.IsAny<CancellationToken>())).ReturnsAsync(record);
        var audit = new Mock<IAuditLog>();
        var mailer = new Mock<IMailer>();
        var journal = new CaseJournal(cases.Object, audit.Object, TimeProvider.System);
        var dispatcher = new MailDispatcher(mailer.Object, Mock.Of<ISentMailLog>(), journal, NullLogger<MailDispatcher>.Instance);
        var psirt = Options.Create(new PsirtOptions { Addresses = ["psirt@acme.example"] });
        return (new SendMiitBreachEscalationActivity(journal, dispatcher, psirt), mailer, audit);
    }
}
