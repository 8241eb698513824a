using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>
/// What the review activities' tests run on: case-1 with a held-up message whose send the sent-mail log
/// shows as <paramref name="heldUpState"/>, a case store that applies updates to it, the reviewer
/// settings as a reload would change them (<see cref="Reviewers"/>), and loose mocks of the mailer,
/// the audit log and the link issuer.
/// </summary>
internal sealed class ReviewActivityParts
{
    public ReviewActivityParts(string heldUpKey, SentMailState heldUpState)
    {
        Record = ActivitySamples.Case(CaseStage.Assessed)
            .WithMailHeldUp(HeldUpMail.Of(heldUpKey, MailDispatcher.Shown(heldUpKey), Articles.Embargo, ActivitySamples.Received));
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.GetAsync(Record.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => Record);
        cases.Setup(c => c.UpdateAsync(Record.Id, It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) => Record = change(Record));
        var sentMail = new Mock<ISentMailLog>();
        sentMail.Setup(l => l.StateOfHashAsync(TextHash.Sha256Hex(heldUpKey), It.IsAny<CancellationToken>())).ReturnsAsync(heldUpState);
        Links.Setup(l => l.IssueAsync(It.IsAny<ApprovalGrant>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ApprovalLinks("https://a", "https://r"));
        var monitor = new Mock<IOptionsMonitor<ReviewerOptions>>();
        monitor.Setup(m => m.CurrentValue).Returns(() => Reviewers);
        ReviewerSettings = monitor.Object;
        Journal = new CaseJournal(cases.Object, Audit.Object, TimeProvider.System);
        Dispatcher = new MailDispatcher(Mailer.Object, sentMail.Object, Journal, NullLogger<MailDispatcher>.Instance);
    }

    public CaseRecord Record { get; private set; }

    /// <summary>The reviewer settings as they are now; set it to reload them.</summary>
    public ReviewerOptions Reviewers { get; set; } = new() { MIIT = ["reviewer@miit.example.cn"], MPS = ["reviewer@mps.example.cn"] };

    public IOptionsMonitor<ReviewerOptions> ReviewerSettings { get; }

    public Mock<IMailer> Mailer { get; } = new();

    public Mock<IAuditLog> Audit { get; } = new();

    public Mock<IApprovalLinkIssuer> Links { get; } = new();

    public CaseJournal Journal { get; }

    public MailDispatcher Dispatcher { get; }

    public void VerifySentTo(string address, Times times) =>
        Mailer.Verify(m => m.SendAsync(It.Is<OutgoingMail>(mail => mail.To.Contains(address)), It.IsAny<CancellationToken>()), times);

    public void VerifyWithdrawals(Times times) =>
        Audit.Verify(a => a.AppendAsync(Record.Id, It.Is<AuditEntry>(e => e.Type == TimelineTypes.MailWithdrawn && e.Article == Articles.Embargo),
            It.IsAny<CancellationToken>()), times);
}
