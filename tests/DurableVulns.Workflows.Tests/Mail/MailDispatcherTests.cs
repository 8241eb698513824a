using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Moq;

namespace DurableVulns.Workflows.Tests.Mail;

public sealed class MailDispatcherTests
{
    private static readonly OutgoingMail Mail = new("case-1/acknowledgement", ["liwei@lab.example.cn"], "Subject", "Body");

    [Fact]
    public async Task SendOnce_KeyNotSentBefore_SendsThenMarksSent()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        var order = new List<string>();
        log.Setup(l => l.WasSentAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).Callback(() => order.Add("send")).Returns(Task.CompletedTask);
        log.Setup(l => l.MarkSentAsync(Mail.Key, It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("mark")).Returns(Task.CompletedTask);
        var dispatcher = new MailDispatcher(mailer.Object, log.Object, TimeProvider.System);

        // Act
        var sent = await dispatcher.SendOnceAsync(Mail);

        // Assert
        Assert.True(sent);
        Assert.Equal(["send", "mark"], order);
    }

    [Fact]
    public async Task SendOnce_KeySentBefore_DoesNotSendAgain()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        log.Setup(l => l.WasSentAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var dispatcher = new MailDispatcher(mailer.Object, log.Object, TimeProvider.System);

        // Act
        var sent = await dispatcher.SendOnceAsync(Mail);

        // Assert
        Assert.False(sent);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SendOnce_NoRecipients_SendsNothingAndMarksNothing()
    {
        // Arrange
        var mailer = new Mock<IMailer>(MockBehavior.Strict);
        var log = new Mock<ISentMailLog>(MockBehavior.Strict);
        var dispatcher = new MailDispatcher(mailer.Object, log.Object, TimeProvider.System);

        // Act
        var sent = await dispatcher.SendOnceAsync(Mail with { To = [] });

        // Assert
        Assert.False(sent);
    }

    [Fact]
    public async Task SendOnce_SendFails_DoesNotMarkSentSoARetrySendsAgain()
    {
        // Arrange
        var mailer = new Mock<IMailer>();
        var log = new Mock<ISentMailLog>();
        log.Setup(l => l.WasSentAsync(Mail.Key, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        mailer.Setup(m => m.SendAsync(Mail, It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("SendGrid answered 503"));
        var dispatcher = new MailDispatcher(mailer.Object, log.Object, TimeProvider.System);

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.SendOnceAsync(Mail));

        // Assert
        log.Verify(l => l.MarkSentAsync(It.IsAny<string>(), It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
