using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>A step whose record would not fit in storage refuses its action instead of failing, and so being retried, for ever.</summary>
public sealed class OversizedRecordTests
{
    private readonly Mock<IAuditLog> audit = new();

    [Fact]
    public async Task RecordAssessment_RecordWouldNotFit_RefusesTheActionOnTheTimelineAndReturnsFalse()
    {
        // Arrange
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.UpdateAsync("case-1", It.IsAny<Func<CaseRecord, CaseRecord>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CaseRecordTooLargeException("too large"));
        var activity = new RecordAssessmentActivity(new CaseJournal(cases.Object, audit.Object, TimeProvider.System));
        var assessment = new Assessment("7.5", ["2.3.1"], "tc", "harm", "scope");

        // Act
        var applied = await activity.RunAsync(Mock.Of<TaskActivityContext>(),
            new CaseActionInput<Assessment>("case-1", new PsirtAction<Assessment>("a1", "analyst@acme.example", assessment)));

        // Assert: the refusal is the action's one entry, so its caller hears it; nothing says "Assessed".
        Assert.False(applied);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Key == "a1" && e.Type == TimelineTypes.ActionRefused && e.Actor == "analyst@acme.example"),
            It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.AppendAsync("case-1", It.Is<AuditEntry>(e => e.Type == TimelineTypes.Assessed), It.IsAny<CancellationToken>()), Times.Never);
    }
}
