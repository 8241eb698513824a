using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>
/// What the MIIT clock's mail steps' tests run on: a case store that returns <paramref name="record"/>,
/// a sent-mail log that has sent nothing, one PSIRT address, and loose mocks of the mailer and the audit log.
/// </summary>
internal sealed class MiitAlertParts
{
    public MiitAlertParts(CaseRecord record)
    {
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.GetAsync(record.Id, It.IsAny<CancellationToken>())).ReturnsAsync(record);
        Journal = new CaseJournal(cases.Object, Audit.Object, TimeProvider.System);
        Dispatcher = new MailDispatcher(Mailer.Object, Mock.Of<ISentMailLog>(), Journal, NullLogger<MailDispatcher>.Instance);
    }

    public CaseJournal Journal { get; }

    public MailDispatcher Dispatcher { get; }

    public IOptions<PsirtOptions> Psirt { get; } = Options.Create(new PsirtOptions { Addresses = ["psirt@acme.example"] });

    public Mock<IMailer> Mailer { get; } = new();

    public Mock<IAuditLog> Audit { get; } = new();
}
