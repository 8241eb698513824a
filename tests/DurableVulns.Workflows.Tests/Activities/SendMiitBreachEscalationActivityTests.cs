using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
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
        var parts = new MiitAlertParts(record);
        return (new SendMiitBreachEscalationActivity(parts.Journal, parts.Dispatcher, parts.Psirt), parts.Mailer, parts.Audit);
    }
}
