using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

public sealed class RecordMiitSubmissionActivityTests
{
    private static readonly DateTime Received = ActivitySamples.Received;
    private static readonly DateTime Deadline = ActivitySamples.Deadline;

    [Fact]
    public async Task Run_AcceptedBeforeDeadlineAppliedAfter_RecordsAcceptedTimeOnTime()
    {
        // Arrange: accepted a minute before the deadline, applied a minute after it.
        var (activity, store, audit) = Create(Case(), now: Deadline.AddMinutes(1));

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: Deadline.AddMinutes(-1)));

        // Assert
        Assert.Equal(Deadline.AddMinutes(-1), store.Record.MiitSubmittedAtUtc);
        Assert.False(store.Record.MiitBreached);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.MiitSubmitted
            && e.Detail == "Submitted to MIIT on time; receipt NVDB-1."), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_AcceptedBeforeDeadlineBreachRecordedMeanwhile_WithdrawsBreach()
    {
        // Arrange: the deadline fired while the accepted submission waited for a worker.
        var (activity, store, audit) = Create(Case() with { MiitBreached = true }, now: Deadline.AddSeconds(40));
        HoldBreachEntry(audit);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: Deadline.AddSeconds(-5)));

        // Assert
        Assert.False(store.Record.MiitBreached);
        Assert.Equal(Deadline.AddSeconds(-5), store.Record.MiitSubmittedAtUtc);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.MiitSubmitted
            && e.Detail.StartsWith("Submitted to MIIT on time; receipt NVDB-1. It was accepted at", StringComparison.Ordinal)
            && e.Detail.EndsWith("the deadline-missed record is withdrawn.", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_RetriedAfterUpdateBeforeAuditEntry_StillSaysBreachWithdrawn()
    {
        // Arrange: an earlier attempt stored the submission and cleared the breach, then crashed
        // before it wrote its audit entry.
        var stored = Case() with { MiitSubmittedAtUtc = Deadline.AddSeconds(-5), MiitReceiptId = "NVDB-1" };
        var (activity, store, audit) = Create(stored, now: Deadline.AddSeconds(50));
        HoldBreachEntry(audit);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: Deadline.AddSeconds(-5)));

        // Assert
        Assert.Equal(stored, store.Record);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.MiitSubmitted
            && e.Detail.EndsWith("the deadline-missed record is withdrawn.", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_AcceptedAfterDeadline_RecordsLateAndKeepsBreach()
    {
        // Arrange
        var (activity, store, audit) = Create(Case() with { MiitBreached = true }, now: Deadline.AddHours(2));

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: Deadline.AddHours(1)));

        // Assert
        Assert.True(store.Record.MiitBreached);
        Assert.Equal(Deadline.AddHours(1), store.Record.MiitSubmittedAtUtc);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Detail == "Submitted to MIIT late; receipt NVDB-1."), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_NoAcceptedTime_RecordsTimeOfApplying()
    {
        // Arrange: an action raised before actions carried their accepted time.
        var now = Deadline.AddMinutes(-10);
        var (activity, store, _) = Create(Case(), now);

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: null));

        // Assert
        Assert.Equal(now, store.Record.MiitSubmittedAtUtc);
    }

    [Fact]
    public async Task Run_AlreadySubmitted_KeepsFirstSubmission()
    {
        // Arrange
        var first = Case() with { MiitSubmittedAtUtc = Received.AddHours(3), MiitReceiptId = "NVDB-0" };
        var (activity, store, _) = Create(first, now: Received.AddHours(4));

        // Act
        await activity.RunAsync(Mock.Of<TaskActivityContext>(), Submission(acceptedAt: Received.AddHours(4)));

        // Assert
        Assert.Equal(first, store.Record);
    }

    private static void HoldBreachEntry(Mock<IAuditLog> audit) =>
        audit.Setup(a => a.FindAsync("case-1", RecordMiitDeadlineMissedActivity.BreachEntryKey, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AuditEntry(RecordMiitDeadlineMissedActivity.BreachEntryKey, Deadline, TimelineTypes.MiitDeadlineMissed, Articles.SubmitToMiit, "missed", "system"));

    private static CaseActionInput<MiitSubmission> Submission(DateTime? acceptedAt) =>
        new("case-1", new PsirtAction<MiitSubmission>("action-1", "psirt", new MiitSubmission("NVDB-1"), acceptedAt));

    private static CaseRecord Case() => ActivitySamples.Case(CaseStage.Assessed);

    private static (RecordMiitSubmissionActivity Activity, StoredCase Store, Mock<IAuditLog> Audit) Create(CaseRecord record, DateTime now)
    {
        var store = new StoredCase(record);
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.UpdateAsync(record.Id, It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<CaseRecord, CaseRecord> change, CancellationToken _) => store.Record = change(store.Record));
        var audit = new Mock<IAuditLog>();
        var journal = new CaseJournal(cases.Object, audit.Object, new FakeTimeProvider(new DateTimeOffset(now)));
        return (new RecordMiitSubmissionActivity(journal), store, audit);
    }

    /// <summary>The case as the store holds it, changed by each update.</summary>
    private sealed class StoredCase(CaseRecord record)
    {
        public CaseRecord Record { get; set; } = record;
    }
}
