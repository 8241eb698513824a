using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>
/// A step whose record would not leave enough storage free refuses its action instead of failing,
/// and so being retried, for ever; the steps that add little keep the room the others leave.
/// </summary>
public sealed class OversizedRecordTests
{
    private static readonly Advisory Advisory = new("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")],
        ContainsExploitCode: false, ContainsOperatorSystemDetails: false);

    private readonly Mock<IAuditLog> audit = new();
    private readonly Mock<ICaseStore> cases = new();
    private CaseRecord record = ActivitySamples.Case(CaseStage.Assessed);

    public OversizedRecordTests() =>
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) => record = change(record));

    [Fact]
    public async Task RecordAssessment_RecordWouldNotLeaveTheSpareFree_RefusesTheActionOnTheTimelineAndReturnsFalse()
    {
        // Arrange: storage would hold it, but not with the room the small steps need.
        FitsOnlyWithSpareUnder(CaseJournal.LongTextSpareBytes);
        var before = record;

        // Act
        var applied = await new RecordAssessmentActivity(Journal()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<Assessment>("case-1", new PsirtAction<Assessment>("a1", "analyst@acme.example", new Assessment("7.5", ["2.3.1"], "tc", "harm", "scope"))));

        // Assert: the refusal is the action's one entry, so its caller hears it; nothing changed or says "Assessed".
        Assert.False(applied);
        Assert.Same(before, record);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "a1" && e.Type == TimelineTypes.ActionRefused && e.Actor == "analyst@acme.example"),
            It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.Assessed), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HoldPublication_RecordLeavingTheDirectSpareButNotTheHolds_Refuses()
    {
        // Arrange: a publication the publishing step found too large, whose held record is a little smaller.
        FitsOnlyWithSpareUnder(CaseJournal.HeldPublicationSpareBytes);

        // Act
        var held = await new HoldPublicationActivity(Journal()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<PublicationCommand>("case-1", Publication("p1", blackout: "")));

        // Assert
        Assert.False(held);
        Assert.Null(record.Publication);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "p1" && e.Type == TimelineTypes.ActionRefused), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAdvisory_HeldPublicationThatNoLongerFits_RefusedUnderAKeyOfItsOwnNothingSent()
    {
        // Arrange: held for a window, consented to; the record has no room left at all.
        record = record with { Publication = new PublicationRecord("p1", Advisory, ActivitySamples.Received, "National Day", ReviewState.Approved) };
        FitsOnlyWithSpareUnder(0);
        var mailer = new Mock<IMailer>();
        var journal = Journal();
        var activity = new PublishAdvisoryActivity(journal, new MailDispatcher(mailer.Object, Mock.Of<ISentMailLog>(), journal, NullLogger<MailDispatcher>.Instance));

        // Act
        var published = await activity.RunAsync(Mock.Of<TaskActivityContext>(), new PublishInput("case-1", "published", Publication("p1", blackout: "National Day")));

        // Assert: its BlackoutHeld entry keeps the action id, and "published" is for a later one that goes out.
        Assert.False(published);
        Assert.Null(record.Publication!.PublishedAtUtc);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "publish-refused:p1" && e.Type == TimelineTypes.ActionRefused), It.IsAny<CancellationToken>()), Times.Once);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReleasePatch_RetriedAfterAHeldUpMarkTookSomeOfTheSpare_StillApplies()
    {
        // Arrange: the first attempt stored the patch, leaving just the spare free; its notice then
        // failed and marked the case, which now leaves less. The retry builds the same record.
        var patch = new PatchRelease("2.3.2", "Upgrade.");
        record = record with { Patch = patch, Stage = CaseStage.PatchReleased };
        cases.Setup(c => c.Fits(It.IsAny<CaseRecord>(), It.IsAny<int>())).Returns(false);
        var journal = Journal();
        var dispatcher = new MailDispatcher(Mock.Of<IMailer>(), Mock.Of<ISentMailLog>(), journal, NullLogger<MailDispatcher>.Instance);
        var psirt = Microsoft.Extensions.Options.Options.Create(new PsirtOptions { Addresses = ["psirt@acme.example"] });

        // Act
        var applied = await new ReleasePatchActivity(journal, dispatcher, psirt).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<PatchRelease>("case-1", new PsirtAction<PatchRelease>("p1", "lead@acme.example", patch)));

        // Assert: applied, so the workflow marks the case patched and the notice goes out.
        Assert.True(applied);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.ActionRefused), It.IsAny<CancellationToken>()), Times.Never);
    }

    // The record as stored fits; a changed one only with less than `limit` bytes asked to stay free.
    private void FitsOnlyWithSpareUnder(int limit)
    {
        var stored = record;
        cases.Setup(c => c.Fits(It.IsAny<CaseRecord>(), It.IsAny<int>())).Returns((CaseRecord fitted, int spare) => ReferenceEquals(fitted, stored) || spare < limit);
    }

    private CaseJournal Journal() => new(cases.Object, audit.Object, TimeProvider.System);

    private static PsirtAction<PublicationCommand> Publication(string id, string? blackout) =>
        new(id, "lead@acme.example", new PublicationCommand(Advisory, blackout, []));
}
