using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

public sealed class SendMiitClockAlertActivityTests
{
    private static readonly DateTime Received = ActivitySamples.Received;

    [Fact]
    public async Task Run_SubmissionAlreadyRecorded_SendsNothingAndRecordsNothing()
    {
        // Arrange
        var (activity, mailer, audit) = Create(Case() with { MiitSubmittedAtUtc = Received.AddHours(3), MiitReceiptId = "r" });

        // Act
        var fired = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Step(ClockStepKind.Reminder));

        // Assert
        Assert.False(fired);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
        audit.Verify(a => a.AppendAsync(It.IsAny<string>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(ClockStepKind.Reminder, "Reminder", "Reminder-0")]
    [InlineData(ClockStepKind.Escalation, "Escalation", "Escalation-0")]
    public async Task Run_NotSubmitted_MailsPsirtAndRecordsStepUnderItsKey(ClockStepKind kind, string type, string key)
    {
        // Arrange
        var (activity, mailer, audit) = Create(Case());

        // Act
        var fired = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Step(kind));

        // Assert
        Assert.True(fired);
        mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.To.SequenceEqual(new[] { "psirt@acme.example" }) && mail.Key == $"case-1/miit-{key}"), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == key && e.Type == type && e.Article == Articles.SubmitToMiit), It.IsAny<CancellationToken>()), Times.Once);
    }

    private static ClockStepInput Step(ClockStepKind kind) => new("case-1", new ClockStep(kind, 0, Received.AddHours(24)));

    private static CaseRecord Case() => ActivitySamples.Case(CaseStage.Received);

    private static (SendMiitClockAlertActivity Activity, Mock<IMailer> Mailer, Mock<IAuditLog> Audit) Create(CaseRecord record)
    {
        var parts = new MiitAlertParts(record);
        return (new SendMiitClockAlertActivity(parts.Journal, parts.Dispatcher, parts.Psirt), parts.Mailer, parts.Audit);
    }
}
