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
/// A step that adds long texts asks the store to keep room free, and when the store refuses the
/// record, the step refuses its action instead of failing, and so being retried, for ever.
/// </summary>
public sealed class OversizedRecordTests
{
    private static readonly Advisory Advisory = new("Title", "Body", "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")],
        ContainsExploitCode: false, ContainsOperatorSystemDetails: false);

    private readonly Mock<IAuditLog> audit = new();
    private readonly Mock<ICaseStore> cases = new();
    private readonly List<int> spareAskedFor = [];
    private CaseRecord record = ActivitySamples.Case(CaseStage.Assessed);

    [Fact]
    public async Task RecordAssessment_StoreRefusesTheRecord_RefusesTheActionOnTheTimelineAndReturnsFalse()
    {
        // Arrange
        StoreRefuses();
        var before = record;

        // Act
        var applied = await new RecordAssessmentActivity(Journal()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<Assessment>("case-1", new PsirtAction<Assessment>("a1", "analyst@acme.example", new Assessment("7.5", ["2.3.1"], "tc", "harm", "scope"))));

        // Assert: the room the small steps need was asked for; the refusal is the action's one entry,
        // so its caller hears it; nothing changed or says "Assessed".
        Assert.False(applied);
        Assert.Equal([CaseJournal.LongTextSpareBytes], spareAskedFor);
        Assert.Same(before, record);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "a1" && e.Type == TimelineTypes.ActionRefused && e.Actor == "analyst@acme.example"),
            It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.Assessed), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HoldPublication_StoreRefusesTheRecord_AskedForTheHoldsLargerSpareAndRefuses()
    {
        // Arrange: a publication the publishing step found too large, whose held record is a little smaller.
        StoreRefuses();

        // Act
        var held = await new HoldPublicationActivity(Journal()).RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<PublicationCommand>("case-1", Publication("p1", blackout: "")));

        // Assert
        Assert.False(held);
        Assert.Equal([CaseJournal.HeldPublicationSpareBytes], spareAskedFor);
        Assert.Null(record.Publication);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "p1" && e.Type == TimelineTypes.ActionRefused), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAdvisory_HeldPublicationThatNoLongerFits_RefusedUnderAKeyOfItsOwnNothingSent()
    {
        // Arrange: held for a window, consented to; the record has no room left at all.
        record = record with { Publication = new PublicationRecord("p1", Advisory, ActivitySamples.Received, "National Day", ReviewState.Approved) };
        StoreRefuses();
        var mailer = new Mock<IMailer>();
        var journal = Journal();
        var activity = new PublishAdvisoryActivity(journal, new MailDispatcher(mailer.Object, Mock.Of<ISentMailLog>(), journal, NullLogger<MailDispatcher>.Instance));

        // Act
        var published = await activity.RunAsync(Mock.Of<TaskActivityContext>(), new PublishInput("case-1", "published", Publication("p1", blackout: "National Day")));

        // Assert: its hold kept the room, so no spare is asked for; its BlackoutHeld entry keeps the
        // action id, and "published" is for a later one that goes out.
        Assert.False(published);
        Assert.Equal([0], spareAskedFor);
        Assert.Null(record.Publication!.PublishedAtUtc);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "publish-refused:p1" && e.Type == TimelineTypes.ActionRefused), It.IsAny<CancellationToken>()), Times.Once);
        mailer.Verify(m => m.SendAsync(It.IsAny<OutgoingMail>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // The store refuses the changed record and remembers the room it was asked to keep free.
    private void StoreRefuses() =>
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((string _, Func<CaseRecord, CaseRecord> _, int spare, CancellationToken _) => spareAskedFor.Add(spare))
            .ThrowsAsync(new CaseRecordTooLargeException("too large"));

    private CaseJournal Journal() => new(cases.Object, audit.Object, TimeProvider.System);

    private static PsirtAction<PublicationCommand> Publication(string id, string? blackout) =>
        new(id, "lead@acme.example", new PublicationCommand(Advisory, blackout, []));
}
