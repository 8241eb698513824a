using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Tests.Activities;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Moq;

namespace DurableVulns.Workflows.Tests.Mail;

public sealed class MailDispatcherTests
{
    private const string CaseId = "case-1";
    private static readonly OutgoingMail Mail = new("case-1/acknowledgement", ["liwei@lab.example.cn"], "Subject", "Body");

    [Fact]
    public async Task SendOnce_KeyNotSentBefore_SendsThenMarksSent()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        var order = new List<string>();
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.NotSent);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).Callback(() => order.Add("send")).Returns(Task.CompletedTask);
        log.Setup(l => l.MarkSentAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("mark")).ReturnsAsync(false);
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>());

        // Act
        var sent = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert
        Assert.Equal(MailOutcome.Sent, sent);
        Assert.Equal(["send", "mark"], order);
    }

    [Fact]
    public async Task SendOnce_KeySentBefore_DoesNotSendAgain()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.Sent);
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>());

        // Act
        var sent = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert
        Assert.Equal(MailOutcome.SentBefore, sent);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendOnce_NoRecipients_SendsNothingAndMarksNothing()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>());

        // Act
        var sent = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail with { To = [] });

        // Assert
        Assert.Equal(MailOutcome.NoRecipients, sent);
    }

    [Fact]
    public async Task SendOnce_SendFails_DoesNotMarkSentSoARetrySendsAgain()
    {
        // Arrange
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.NotSent);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("SendGrid answered 503"));
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>());

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        log.Verify(l => l.MarkSentAsync(It.IsAny<string>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendOnce_MailRefusedForGood_RecordsRefusalOnTheCaseAndReturnsRefused()
    {
        // Arrange
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        var audit = new Mock<IAuditLog>();
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.NotSent);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).ThrowsAsync(new MailRefusedException("SendGrid refused the message for good: HTTP 400 (BadRequest)."));
        var dispatcher = Dispatcher(mailer.Object, log.Object, audit.Object);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert: a dead letter on the case's trail and in the log, and nothing marked as sent.
        Assert.Equal(MailOutcome.Refused, outcome);
        log.Verify(l => l.MarkRefusedAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Key == MailDispatcher.RefusalKey(Mail.Key) &&
            e.Type == TimelineTypes.MailRefused && e.Article == Articles.Reporting && e.Detail.Contains("HTTP 400")), It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.MarkSentAsync(It.IsAny<string>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendOnce_SendFails_RecordsTheDelayOnTheCaseAndRethrows()
    {
        // Arrange
        var outage = new MailServiceException("SendGrid did not accept the message: HTTP 503 (ServiceUnavailable).");
        var (dispatcher, audit) = FailingSend(Mail, outage);

        // Act
        var thrown = await Assert.ThrowsAsync<MailServiceException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert: the activity still fails (and is retried); the case's trail says the message is held up.
        Assert.Same(outage, thrown);
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Key == MailDispatcher.DelayKey(Mail.Key) &&
            e.Type == TimelineTypes.MailDelayed && e.Article == Articles.Reporting && e.Detail.Contains("HTTP 503")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendOnce_SendAndDelayEntryBothFail_RethrowsTheSendFailure()
    {
        // Arrange: a mail outage during a storage outage.
        var outage = new MailServiceException("SendGrid did not accept the message: HTTP 503 (ServiceUnavailable).");
        var (dispatcher, audit) = FailingSend(Mail, outage);
        audit.Setup(a => a.AppendAsync(CaseId, It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TaskCanceledException("table storage timed out"));

        // Act
        var thrown = await Assert.ThrowsAsync<MailServiceException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        Assert.Same(outage, thrown);
    }

    [Fact]
    public async Task SendOnce_CallerCancelled_RecordsNoDelay()
    {
        // Arrange: the caller stops the send; that is not a mail outage.
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        using var stop = new CancellationTokenSource();
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.NotSent);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).Callback(stop.Cancel).ThrowsAsync(new OperationCanceledException(stop.Token));
        var dispatcher = Dispatcher(mailer.Object, log.Object, audit.Object);

        // Act
        await Assert.ThrowsAsync<OperationCanceledException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail, stop.Token));

        // Assert
        audit.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(typeof(TaskCanceledException), "The mail service did not answer in time.")]
    [InlineData(typeof(HttpRequestException), "The mail service could not be reached.")]
    [InlineData(typeof(IOException), "Sending failed (IOException; the worker's log has the details).")]
    public async Task SendOnce_FailureOtherThanTheServiceStatus_EntryNamesItsKindNotItsMessage(Type failure, string reason)
    {
        // Arrange: a client timeout, a connection error, a pickup folder that cannot be written.
        var (dispatcher, audit) = FailingSend(Mail, (Exception)Activator.CreateInstance(failure, "/srv/mail/liwei@lab.example.cn.eml")!);

        // Act
        await Assert.ThrowsAsync(failure, () => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Type == TimelineTypes.MailDelayed &&
            e.Detail.Contains(reason) && !e.Detail.Contains("/srv/mail")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendOnce_KeyHoldsAnAddress_EntryLeavesTheAddressOut()
    {
        // Arrange: an advisory's key names its recipient.
        var advisory = new OutgoingMail("case-1/advisory/user@customer.example.cn", ["user@customer.example.cn"], "Subject", "Body");
        var (dispatcher, audit) = FailingSend(advisory, new MailServiceException("SendGrid did not accept the message: HTTP 503 (ServiceUnavailable)."));

        // Act
        await Assert.ThrowsAsync<MailServiceException>(() => dispatcher.SendOnceAsync(CaseId, Articles.PatchAndNotifyUsers, advisory));

        // Assert
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Detail.StartsWith("Message case-1/advisory/… to 1 address(es)", StringComparison.Ordinal) &&
            !e.Detail.Contains("customer.example.cn")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendOnce_FirstFailedSend_MarksTheLogDelayedAndTheCaseHeldUp()
    {
        // Arrange
        var (dispatcher, log, cases) = Outage(SentMailState.NotSent, ActivitySamples.Case(CaseStage.Received));

        // Act
        await Assert.ThrowsAsync<HttpRequestException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert: the log knows to clear the case when the send succeeds; the case shows what is held up.
        log.Verify(l => l.MarkDelayedAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
        var held = Assert.Single(cases.Record.MailHeldUp!);
        Assert.Equal(("case-1/acknowledgement", Articles.Reporting), (held.Message, held.Article));
        Assert.Equal(TextHash.Sha256Hex(Mail.Key), held.KeyHash);
    }

    [Fact]
    public async Task SendOnce_FailsAgainWhileHeldUp_KeepsTheFirstMarkAndWritesNoCase()
    {
        // Arrange: an earlier attempt marked the message delayed and the case held up.
        var first = HeldUp(Mail);
        var (dispatcher, log, cases) = Outage(SentMailState.Delayed, ActivitySamples.Case(CaseStage.Received).WithMailHeldUp(first));
        log.Setup(l => l.MarkDelayedAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(first.SinceUtc);

        // Act
        await Assert.ThrowsAsync<HttpRequestException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        Assert.Equal([first], cases.Record.MailHeldUp!);
        Assert.Equal(0, cases.Writes);
    }

    [Fact]
    public async Task SendOnce_FailsAfterAnotherAttemptSentIt_DoesNotMarkTheCase()
    {
        // Arrange: both attempts read "not sent"; the other one sent the message before this one's mark.
        var (dispatcher, log, cases) = Outage(SentMailState.NotSent, ActivitySamples.Case(CaseStage.Received));
        log.Setup(l => l.MarkDelayedAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync((DateTime?)null);

        // Act
        await Assert.ThrowsAsync<HttpRequestException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        Assert.Null(cases.Record.MailHeldUp);
    }

    [Theory]
    [InlineData(SentMailState.SentAfterDelay)]
    [InlineData(SentMailState.Refused)]
    public async Task SendOnce_AnotherAttemptEndsTheDelayWhileTheCaseIsMarked_ClearsTheMarkAgain(SentMailState meanwhile)
    {
        // Arrange: the other attempt sent the message (or had it refused) and found no mark to clear just before this one marked the case.
        var (dispatcher, log, cases) = Outage(SentMailState.NotSent, ActivitySamples.Case(CaseStage.Received));
        log.SetupSequence(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SentMailState.NotSent)
            .ReturnsAsync(meanwhile);

        // Act
        await Assert.ThrowsAsync<HttpRequestException>(() => dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail));

        // Assert
        Assert.Null(cases.Record.MailHeldUp);
    }

    [Theory]
    [InlineData(SentMailState.Delayed)]
    [InlineData(SentMailState.NotSent)]
    public async Task SendOnce_SendThatEndsADelay_RecordsItAndClearsTheCase(SentMailState readBeforeSend)
    {
        // Arrange: the mail service is back; the delay was marked before this attempt read the log, or after.
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        var audit = new Mock<IAuditLog>();
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Received).WithMailHeldUp(HeldUp(Mail)));
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(readBeforeSend);
        log.Setup(l => l.MarkSentAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var dispatcher = Dispatcher(mailer.Object, log.Object, audit.Object, cases.Store);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert
        Assert.Equal(MailOutcome.Sent, outcome);
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Key == MailDispatcher.SentAfterDelayKey(Mail.Key) &&
            e.Type == TimelineTypes.MailSentAfterDelay && e.Article == Articles.Reporting), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Null(cases.Record.MailHeldUp);
    }

    [Fact]
    public async Task SendOnce_SendThatEndsNoDelay_WritesNothingMore()
    {
        // Arrange
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        var cases = new Mock<ICaseStore>(MockBehavior.Strict);
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.NotSent);
        log.Setup(l => l.MarkSentAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var dispatcher = Dispatcher(mailer.Object, log.Object, audit.Object, cases.Object);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert: the common case costs no case or audit request.
        Assert.Equal(MailOutcome.Sent, outcome);
        audit.VerifyNoOtherCalls();
        cases.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendOnce_RetriedAfterTheSendThatEndedADelay_ClearsTheCaseWithoutSendingAgain()
    {
        // Arrange: the send went out and was marked, and the attempt stopped before the case was cleared.
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>();
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Received).WithMailHeldUp(HeldUp(Mail)));
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.SentAfterDelay);
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>(), cases.Store);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert
        Assert.Equal(MailOutcome.SentBefore, outcome);
        Assert.Null(cases.Record.MailHeldUp);
    }

    [Fact]
    public async Task SendOnce_RetriedAfterARefusal_DoesNotSendAgain()
    {
        // Arrange: the activity was retried after a crash that followed the refusal.
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>();
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Received));
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.Refused);
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>(), cases.Store);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert: the step still says it was refused; the strict mailer proves nothing was sent.
        Assert.Equal(MailOutcome.Refused, outcome);
    }

    [Fact]
    public async Task SendOnce_RefusedForGoodAfterADelay_ClearsTheCase()
    {
        // Arrange: a refusal ends the delay too; its MailRefused entry takes over.
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Received).WithMailHeldUp(HeldUp(Mail)));
        log.Setup(l => l.StateAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.Delayed);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).ThrowsAsync(new MailRefusedException("SendGrid refused the message for good: HTTP 400 (BadRequest)."));
        var dispatcher = Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>(), cases.Store);

        // Act
        var outcome = await dispatcher.SendOnceAsync(CaseId, Articles.Reporting, Mail);

        // Assert
        Assert.Equal(MailOutcome.Refused, outcome);
        Assert.Null(cases.Record.MailHeldUp);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendOnce_KeyHoldsAnAddress_LogLinesLeaveTheAddressOut(bool refusedForGood)
    {
        // Arrange: an advisory's key names its recipient; the send is held up or refused.
        var advisory = new OutgoingMail("case-1/advisory/user@customer.example.cn", ["user@customer.example.cn"], "Subject", "Body");
        var mailer = new Mock<IMailer>();
        var log = LogThatMarks(advisory.Key, SentMailState.NotSent);
        var logger = new FakeLogger<MailDispatcher>();
        mailer.Setup(m => m.SendAsync(advisory, It.IsAny<CancellationToken>())).ThrowsAsync(refusedForGood
            ? new MailRefusedException("SendGrid refused the message for good: HTTP 400 (BadRequest).")
            : new MailServiceException("SendGrid did not accept the message: HTTP 503 (ServiceUnavailable)."));
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Received));
        var dispatcher = new MailDispatcher(mailer.Object, log.Object, new CaseJournal(cases.Store, Mock.Of<IAuditLog>(), TimeProvider.System), logger);

        // Act
        try
        {
            await dispatcher.SendOnceAsync(CaseId, Articles.PatchAndNotifyUsers, advisory);
        }
        catch (MailServiceException)
        {
            // The held-up send throws so that its activity is retried; what was logged is the point here.
        }

        // Assert: the path taken is the normal one (the case marked, or the refusal), and its lines leave the address out.
        Assert.Equal(!refusedForGood, cases.Record.MailHeldUp is not null);
        var lines = logger.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(lines, line => line.Contains("case-1/advisory/…", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("customer.example.cn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawUnsent_HeldUpMessageTheStepNoLongerSends_WithdrawsItWithAnEntry()
    {
        // Arrange: the request to a reviewer taken out of the configuration was held up; the step now asks another.
        var removed = ReviewRequest("old-reviewer@miit.example.cn");
        var asked = ReviewRequest("new-reviewer@miit.example.cn");
        var audit = new Mock<IAuditLog>();
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        log.Setup(l => l.StateOfHashAsync(TextHash.Sha256Hex(removed.Key), It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.Delayed);
        log.Setup(l => l.MarkWithdrawnAsync(TextHash.Sha256Hex(removed.Key), It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Assessed).WithMailHeldUp(HeldUp(removed)));
        var dispatcher = Dispatcher(Mock.Of<IMailer>(), log.Object, audit.Object, cases.Store);

        // Act
        await dispatcher.WithdrawUnsentAsync(cases.Record, [asked], "its reviewer was taken out of the configuration.");

        // Assert: the mark, and the sent-mail row marked withdrawn, so the retention run purges it.
        Assert.Null(cases.Record.MailHeldUp);
        log.Verify(l => l.MarkWithdrawnAsync(TextHash.Sha256Hex(removed.Key), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Key == MailDispatcher.WithdrawalKey(TextHash.Sha256Hex(removed.Key)) &&
            e.Type == TimelineTypes.MailWithdrawn && e.Article == Articles.Reporting &&
            e.Detail == "Message case-1/review/r1/MIIT/…, held up since 2026-03-11T02:05:00.0000000Z, is no longer sent: its reviewer was taken out of the configuration." &&
            !e.Detail.Contains("old-reviewer", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task WithdrawUnsent_HeldUpMessagesTheStepSendsOrDoesNotOwn_KeepsThem()
    {
        // Arrange: held up are the step's own message (its retry sends it), the other role's request,
        // a reminder of the same review, another review's request, and the acknowledgement.
        var asked = ReviewRequest("reviewer@miit.example.cn");
        var heldUp = new[]
        {
            asked,
            new OutgoingMail("case-1/review/r1/MPS/other@mps.example.cn", ["other@mps.example.cn"], "Review request", "Body"),
            new OutgoingMail("case-1/review/r1/MIIT/other@miit.example.cn/Reminder-0", ["other@miit.example.cn"], "Reminder", "Body"),
            new OutgoingMail("case-1/review/r2/MIIT/other@miit.example.cn", ["other@miit.example.cn"], "Review request", "Body"),
            Mail,
        };
        var record = heldUp.Aggregate(ActivitySamples.Case(CaseStage.Assessed), (r, mail) => r.WithMailHeldUp(HeldUp(mail)));
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        var cases = new Mock<ICaseStore>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        var dispatcher = Dispatcher(Mock.Of<IMailer>(), log.Object, audit.Object, cases.Object);

        // Act
        await dispatcher.WithdrawUnsentAsync(record, [asked], "its reviewer was taken out of the configuration.");

        // Assert: the strict mocks prove nothing was read or written.
        audit.VerifyNoOtherCalls();
        cases.VerifyNoOtherCalls();
        log.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(SentMailState.SentAfterDelay)]
    [InlineData(SentMailState.Refused)]
    public async Task WithdrawUnsent_HeldUpMessageSentOrRefusedMeanwhile_ClearsTheMarkWithoutAnEntry(SentMailState state)
    {
        // Arrange: an earlier attempt sent (or had refused) the message to the removed reviewer, and stopped before clearing its mark.
        var removed = ReviewRequest("old-reviewer@miit.example.cn");
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.StateOfHashAsync(TextHash.Sha256Hex(removed.Key), It.IsAny<CancellationToken>())).ReturnsAsync(state);
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Assessed).WithMailHeldUp(HeldUp(removed)));
        var dispatcher = Dispatcher(Mock.Of<IMailer>(), log.Object, audit.Object, cases.Store);

        // Act
        await dispatcher.WithdrawUnsentAsync(cases.Record, [ReviewRequest("new-reviewer@miit.example.cn")], "its reviewer was taken out of the configuration.");

        // Assert: no entry says it was not sent; the strict audit log proves none was written.
        Assert.Null(cases.Record.MailHeldUp);
        audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task WithdrawUnlessSent_HeldUpAlertWhoseSubmissionCame_WithdrawnWithAnEntryAndMarkCleared()
    {
        // Arrange: a MIIT reminder held up by an outage, given up once the submission was recorded.
        var reminder = new OutgoingMail("case-1/miit-Reminder-0", ["psirt@acme.example"], "Reminder", "Body");
        var audit = new Mock<IAuditLog>();
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.StateOfHashAsync(TextHash.Sha256Hex(reminder.Key), It.IsAny<CancellationToken>())).ReturnsAsync(SentMailState.Delayed);
        var cases = new CaseStoreOf(ActivitySamples.Case(CaseStage.Assessed).WithMailHeldUp(HeldUp(reminder)));
        var dispatcher = Dispatcher(Mock.Of<IMailer>(), log.Object, audit.Object, cases.Store);

        // Act
        var givenUp = await dispatcher.WithdrawUnlessSentAsync(cases.Record, Articles.SubmitToMiit, reminder, CaseMails.SubmittedMeanwhile);

        // Assert: its entry, its row marked withdrawn (so it is purged), and no mark left on the case.
        Assert.True(givenUp);
        Assert.Null(cases.Record.MailHeldUp);
        log.Verify(l => l.MarkWithdrawnAsync(TextHash.Sha256Hex(reminder.Key), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync(CaseId, It.Is<AuditEntry>(e => e.Key == MailDispatcher.WithdrawalKey(TextHash.Sha256Hex(reminder.Key)) &&
            e.Type == TimelineTypes.MailWithdrawn && e.Article == Articles.SubmitToMiit &&
            e.Detail == "Message case-1/miit-Reminder-0, held up since 2026-03-11T02:05:00.0000000Z, is no longer sent: the case was submitted to MIIT meanwhile."),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(SentMailState.Sent)]
    [InlineData(SentMailState.SentAfterDelay)]
    [InlineData(SentMailState.Refused)]
    public async Task WithdrawUnlessSent_AlertAnEarlierAttemptFinished_NotGivenUpAndNothingWritten(SentMailState state)
    {
        // Arrange: an earlier attempt sent the alert (or had it refused) and stopped before its entry.
        var reminder = new OutgoingMail("case-1/miit-Reminder-0", ["psirt@acme.example"], "Reminder", "Body");
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.StateOfHashAsync(TextHash.Sha256Hex(reminder.Key), It.IsAny<CancellationToken>())).ReturnsAsync(state);
        var audit = new Mock<IAuditLog>(MockBehavior.Strict);
        var cases = new Mock<ICaseStore>(MockBehavior.Strict);
        var dispatcher = Dispatcher(Mock.Of<IMailer>(), log.Object, audit.Object, cases.Object);

        // Act
        var givenUp = await dispatcher.WithdrawUnlessSentAsync(ActivitySamples.Case(CaseStage.Assessed), Articles.SubmitToMiit, reminder, CaseMails.SubmittedMeanwhile);

        // Assert: the step goes on to write its own entry; the strict mocks prove nothing was written here.
        Assert.False(givenUp);
        audit.VerifyNoOtherCalls();
        cases.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(MailOutcome.Sent, "Acknowledgement sent to the reporter.")]
    [InlineData(MailOutcome.SentBefore, "Acknowledgement sent to the reporter.")]
    [InlineData(MailOutcome.Refused, "Acknowledgement to the reporter not delivered: the mail service refused it (see the MailRefused entry).")]
    public void Describe_Outcome_SaysSentUnlessRefused(MailOutcome outcome, string expected)
    {
        // Act
        var detail = MailDispatcher.Describe(outcome, "Acknowledgement sent to the reporter.", "Acknowledgement to the reporter");

        // Assert
        Assert.Equal(expected, detail);
    }

    [Theory]
    [InlineData(0, "Reminder 1 to the MIIT reviewers.")]
    [InlineData(2, "Reminder 1 to the MIIT reviewers. 2 of its messages not delivered: the mail service refused them (see the MailRefused entries).")]
    public void Describe_RefusedCount_AddedOnlyWhenSomeWereRefused(int refused, string expected)
    {
        // Act
        var detail = MailDispatcher.Describe(refused, "Reminder 1 to the MIIT reviewers.");

        // Assert
        Assert.Equal(expected, detail);
    }

    /// <summary>A dispatcher whose send of <paramref name="mail"/> throws <paramref name="failure"/>, and its (loose) audit log; case-1 exists.</summary>
    private static (MailDispatcher Dispatcher, Mock<IAuditLog> Audit) FailingSend(OutgoingMail mail, Exception failure)
    {
        var mailer = new Mock<IMailer>();
        var log = LogThatMarks(mail.Key, SentMailState.NotSent);
        var audit = new Mock<IAuditLog>();
        mailer.Setup(m => m.SendAsync(mail, It.IsAny<CancellationToken>())).ThrowsAsync(failure);
        return (Dispatcher(mailer.Object, log.Object, audit.Object, new CaseStoreOf(ActivitySamples.Case(CaseStage.Received)).Store), audit);
    }

    /// <summary>A dispatcher whose send of <see cref="Mail"/> fails with a connection error, with the log's state read before the send and a case store holding <paramref name="record"/>.</summary>
    private static (MailDispatcher Dispatcher, Mock<ISentMailLog> Log, CaseStoreOf Cases) Outage(SentMailState state, CaseRecord record)
    {
        var mailer = new Mock<IMailer>();
        var log = LogThatMarks(Mail.Key, state);
        var cases = new CaseStoreOf(record);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("no route"));
        return (Dispatcher(mailer.Object, log.Object, Mock.Of<IAuditLog>(), cases.Store), log, cases);
    }

    /// <summary>A sent-mail log that starts at <paramref name="state"/> for <paramref name="key"/> and is delayed once a failure marks it, as the table is.</summary>
    private static Mock<ISentMailLog> LogThatMarks(string key, SentMailState state)
    {
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.StateAsync(key, It.IsAny<CancellationToken>())).ReturnsAsync(() => state);
        log.Setup(l => l.MarkDelayedAsync(key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, DateTime since, CancellationToken _) =>
            {
                state = SentMailState.Delayed;
                return since;
            });
        return log;
    }

    private static MailDispatcher Dispatcher(IMailer mailer, ISentMailLog log, IAuditLog audit, ICaseStore? cases = null) =>
        new(mailer, log, new CaseJournal(cases ?? Mock.Of<ICaseStore>(), audit, TimeProvider.System), NullLogger<MailDispatcher>.Instance);

    private static OutgoingMail ReviewRequest(string reviewer) => new($"case-1/review/r1/MIIT/{reviewer}", [reviewer], "Review request", "Body");

    private static HeldUpMail HeldUp(OutgoingMail mail) => HeldUpMail.Of(mail.Key, MailDispatcher.Shown(mail.Key), Articles.Reporting, new DateTime(2026, 3, 11, 2, 5, 0, DateTimeKind.Utc));

    /// <summary>A case store that holds one record and applies updates to it, and counts the writes.</summary>
    private sealed class CaseStoreOf
    {
        public CaseStoreOf(CaseRecord record)
        {
            Record = record;
            var store = new Mock<ICaseStore>();
            store.Setup(s => s.GetAsync(record.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => Record);
            store.Setup(s => s.UpdateAsync(record.Id, It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) =>
                {
                    // As the table store: a change that returns the record it was given writes nothing.
                    var changed = change(Record);
                    if (!ReferenceEquals(changed, Record)) Writes++;
                    return Record = changed;
                });
            Store = store.Object;
        }

        public CaseRecord Record { get; private set; }

        public int Writes { get; private set; }

        public ICaseStore Store { get; }
    }
}
