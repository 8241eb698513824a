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
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>Art. 9(6) at the moment the advisory goes out: a window that began while the step waited holds it back.</summary>
public sealed class PublishAdvisoryActivityTests
{
    private static readonly DateTime Now = ActivitySamples.Received.AddDays(10);

    private static readonly BlackoutWindow Window = new("National Day", new DateTimeOffset(Now.AddHours(-1)), new DateTimeOffset(Now.AddHours(1)));

    private readonly Mock<IMailer> mailer = new();

    private readonly Mock<IAuditLog> audit = new();

    private CaseRecord record = ActivitySamples.Case(CaseStage.PatchReleased);

    [Fact]
    public async Task Run_WindowBeganSinceTheWorkflowLetItThrough_ReturnsFalseAndChangesNothing()
    {
        // Arrange: let through before the window (no blackout named), run inside it.
        var activity = Create();

        // Act
        var published = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Input(blackout: null));

        // Assert: the workflow holds it for MPS consent; nothing went out.
        Assert.False(published);
        Assert.Null(record.Publication);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
        audit.Verify(a => a.AppendAsync(It.IsAny<string>(), It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_WindowBeganAfterItsSendingBegan_SendsTheRest()
    {
        // Arrange: an earlier attempt, before the window, published it and then failed to send.
        var activity = Create();
        var before = Now.AddHours(-2);
        record = record with { Publication = new PublicationRecord("publication-1", Input(null).Action.Body.Advisory, before, PublishedAtUtc: before) };

        // Act
        var published = await activity.RunAsync(Mock.Of<TaskActivityContext>(), Input(blackout: null));

        // Assert
        Assert.True(published);
        Assert.Equal(before, record.Publication?.PublishedAtUtc);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_InsideTheWindowItWasHeldForWithConsent_Publishes()
    {
        // Arrange: held for this window and consented to by MPS.
        var activity = Create();

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Input(blackout: Window.Name));

        // Assert
        Assert.Equal(Now, record.Publication?.PublishedAtUtc);
        mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.To.Contains("cert@example.cn")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_AfterTheWindowEnded_Publishes()
    {
        // Arrange: the step retried until the window's end.
        var activity = Create(Window.To.UtcDateTime);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Input(blackout: null));

        // Assert
        Assert.NotNull(record.Publication?.PublishedAtUtc);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private PublishAdvisoryActivity Create(DateTime? now = null)
    {
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, int _, CancellationToken _) => record = change(record));
        var journal = new CaseJournal(cases.Object, audit.Object, new FakeTimeProvider(new DateTimeOffset(now ?? Now)));
        var mail = new MailDispatcher(mailer.Object, new Mock<ISentMailLog>().Object, journal, NullLogger<MailDispatcher>.Instance);
        return new PublishAdvisoryActivity(journal, mail);
    }

    private static PublishInput Input(string? blackout) => new("case-1", "publication-1", new PsirtAction<PublicationCommand>(
        "publication-1", "psirt", new PublicationCommand(
            new Advisory("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")], ContainsExploitCode: false, ContainsOperatorSystemDetails: false),
            blackout, [Window])));
}
