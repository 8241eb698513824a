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

/// <summary>
/// A copy of a step that runs late (its message's lease ran out and another worker ran it too, and
/// the case moved on meanwhile) must not move the case record back.
/// </summary>
public sealed class LateStepCopyTests
{
    private readonly Mock<IMailer> mailer = new();

    private CaseRecord record = ActivitySamples.Case(CaseStage.PatchReleased);

    [Fact]
    public async Task RecordAssessment_CaseAlreadyPatched_LeavesTheRecord()
    {
        // Arrange
        var before = record;
        var assessment = new Assessment("7.5", ["2.3.1"], "tc", "harm", "scope");

        // Act
        await new RecordAssessmentActivity(Journal()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<Assessment>("case-1", new PsirtAction<Assessment>("a1", "psirt", assessment)));

        // Assert
        Assert.Equal(before, record);
    }

    [Fact]
    public async Task ReleasePatch_CaseClosed_StaysClosed()
    {
        // Arrange
        record = ActivitySamples.Case(CaseStage.Closed);

        // Act
        await new ReleasePatchActivity(Journal(), Dispatcher(), Psirt()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<PatchRelease>("case-1", new PsirtAction<PatchRelease>("p1", "psirt", new PatchRelease("2.3.2", "Upgrade."))));

        // Assert
        Assert.Equal(CaseStage.Closed, record.Stage);
        Assert.Null(record.Patch);
    }

    [Fact]
    public async Task RecordMiitBreach_SubmittedBetweenReadAndUpdate_NoBreachAndNoEscalation()
    {
        // Arrange: the step reads the case unsubmitted; the submission lands before its update.
        var unsubmitted = ActivitySamples.Case(CaseStage.Assessed);
        record = unsubmitted with { MiitSubmittedAtUtc = ActivitySamples.Deadline.AddSeconds(-1), MiitReceiptId = "NVDB-1" };
        var journal = Journal(read: unsubmitted);

        // Act
        var breached = await new RecordMiitBreachActivity(journal, Dispatcher(journal), Psirt()).RunAsync(Mock.Of<TaskActivityContext>(),
            new ClockStepInput("case-1", new ClockStep(ClockStepKind.Deadline, 0, ActivitySamples.Deadline)));

        // Assert
        Assert.False(breached);
        Assert.False(record.MiitBreached);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // A store whose reads return <paramref name="read"/> (the record as it was) and whose updates apply to the record as it is.
    private CaseJournal Journal(CaseRecord? read = null)
    {
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.GetAsync("case-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => read ?? record);
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) => record = change(record));
        // The steps that add long texts ask the store to keep room free; here there is room.
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, int _, CancellationToken _) => record = change(record));
        return new CaseJournal(cases.Object, Mock.Of<IAuditLog>(), TimeProvider.System);
    }

    private MailDispatcher Dispatcher(CaseJournal? journal = null) =>
        new(mailer.Object, Mock.Of<ISentMailLog>(), journal ?? Journal(), NullLogger<MailDispatcher>.Instance);

    private static IOptions<PsirtOptions> Psirt() => Options.Create(new PsirtOptions { Addresses = ["psirt@acme.example"] });
}
