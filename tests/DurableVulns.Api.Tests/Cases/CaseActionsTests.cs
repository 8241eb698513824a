using DurableVulns.Api.Cases;
using DurableVulns.Api.Tests.Approvals;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Api.Tests.Cases;

public sealed class CaseActionsTests
{
    private static readonly Assessment Assessment = new("7.5", ["3.2.0", "3.2.1"], "Stack overflow", "Remote code execution", "Internet-facing routers");

    private readonly Mock<IWorkflowClient> workflows = new(MockBehavior.Strict);
    private readonly Mock<IAuditLog> audit = new();
    private readonly List<string> calls = [];
    private readonly AuditWatch watch = new();

    [Fact]
    public async Task AssessAsync_WorkflowStillPending_RaisesOnlyOnceRunning()
    {
        var statuses = new Queue<string?>([null, "Pending", "Running"]);
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { var status = statuses.Dequeue(); calls.Add("status:" + status); return status; });
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("raise")).Returns(Task.CompletedTask);
        audit.Setup(a => a.FindAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => calls.Contains("raise") ? new AuditEntry("a", DateTime.UtcNow, "Assessed", "Art. 7(1)", "applied", "analyst@acme.example") : null);

        // The wait is long so that a slow machine cannot end it early; the test ends as soon as the action is applied.
        var outcome = await Actions(TimeSpan.FromSeconds(60)).AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default);

        Assert.Equal(["status:", "status:Pending", "status:Running", "raise"], calls);
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AssessAsync_EntryAnnouncedInProcess_WakesAndReadsStorageOnce(bool announcedBeforeTheWait)
    {
        // Arrange: a clock that never moves, so no poll delay ever ends; only the announcement of
        // the audit entry can wake the wait, whether it comes before the wait begins or during it.
        // The announcement carries no entry (an earlier, retried write stored it), so it is read.
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        string? actionId = null;
        var stored = false;
        void Store() { stored = true; watch.Written(ApprovalSamples.CaseId, actionId!); }
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Running");
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object payload, CancellationToken _) =>
            {
                actionId = ((PsirtAction<Assessment>)payload).ActionId;
                // The orchestration applies the event and writes its entry.
                if (announcedBeforeTheWait) Store();
                else _ = Task.Run(Store);
            })
            .Returns(Task.CompletedTask);
        audit.Setup(a => a.FindAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => stored ? new AuditEntry(actionId!, frozen.GetUtcNow().UtcDateTime, "Assessed", "Art. 7(1)", "applied", "analyst@acme.example") : null);

        // Act (the bound only stops a broken wait from hanging the run)
        var outcome = await Actions(TimeSpan.FromSeconds(60), frozen)
            .AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert: applied, and storage was read once, after the announcement, not before it
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        audit.Verify(a => a.FindAsync(ApprovalSamples.CaseId, actionId!, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AssessAsync_EntryStoredInProcess_AppliedWithoutReadingStorage()
    {
        // Arrange: the orchestration's activity, in this process, stores the action's entry.
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Running");
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object payload, CancellationToken _) =>
            {
                var actionId = ((PsirtAction<Assessment>)payload).ActionId;
                _ = Task.Run(() => watch.Written(ApprovalSamples.CaseId, actionId,
                    new AuditEntry(actionId, frozen.GetUtcNow().UtcDateTime, "Assessed", "Art. 7(1)", "applied", "analyst@acme.example")));
            })
            .Returns(Task.CompletedTask);
        // Storage has the entry too; a read of it would show in the outcome and in the count.
        audit.Setup(a => a.FindAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AuditEntry("read", frozen.GetUtcNow().UtcDateTime, "ReadFromStorage", "Art. 7(1)", "applied", "analyst@acme.example"));

        // Act (the bound only stops a broken wait from hanging the run)
        var outcome = await Actions(TimeSpan.FromSeconds(60), frozen)
            .AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default).WaitAsync(TimeSpan.FromSeconds(60));

        // Assert
        Assert.Equal(ActionOutcomeKind.Applied, outcome.Kind);
        Assert.Equal("Assessed", outcome.Entry!.Type);
        audit.Verify(a => a.FindAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AssessAsync_WorkflowNeverStarts_NotRunningAndRaisesNothing()
    {
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Pending");

        var outcome = await Actions(TimeSpan.FromMilliseconds(200)).AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default);

        Assert.Equal(ActionOutcomeKind.NotRunning, outcome.Kind);
        workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AssessAsync_WorkflowEnded_RefusedAndRaisesNothing()
    {
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Terminated");

        var outcome = await Actions(TimeSpan.FromMilliseconds(200)).AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default);

        Assert.Equal(ActionOutcomeKind.Refused, outcome.Kind);
        Assert.Equal(409, outcome.Refusal!.Status);
        Assert.Contains("Terminated", outcome.Refusal.Detail);
        workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AssessAsync_SignedInActor_EventCarriesTheActorAndWhenItWasAccepted()
    {
        object? raised = null;
        var before = DateTime.UtcNow;
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Running");
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object payload, CancellationToken _) => raised = payload).Returns(Task.CompletedTask);

        await Actions(TimeSpan.FromMilliseconds(100)).AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default);

        var action = Assert.IsType<PsirtAction<Assessment>>(raised);
        Assert.Equal("analyst@acme.example", action.Actor);
        Assert.InRange(action.AcceptedAtUtc!.Value, before, DateTime.UtcNow);
    }

    [Theory]
    [InlineData("Running", ActionOutcomeKind.Queued)]
    [InlineData("Completed", ActionOutcomeKind.Refused)]
    public async Task AssessAsync_NotAppliedWithinTheWait_QueuedWhileTheWorkflowRunsRefusedOnceItEnded(string statusAfterWait, ActionOutcomeKind expected)
    {
        // Arrange: the workflow runs when the action is sent; by the end of the wait it has ended
        // (a close applied first, the event dropped with it) or still runs (a backlog).
        var statuses = new Queue<string?>(["Running", statusAfterWait]);
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync(() => statuses.Dequeue());
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        audit.Setup(a => a.FindAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((AuditEntry?)null);

        // Act
        var outcome = await Actions(TimeSpan.FromMilliseconds(100)).AssessAsync(ApprovalSamples.CaseId, Assessment, "analyst@acme.example", default);

        // Assert: a refusal says why and goes on the timeline; a queued action is left to the workflow.
        Assert.Equal(expected, outcome.Kind);
        Assert.Empty(statuses);
        audit.Verify(a => a.AppendAsync(ApprovalSamples.CaseId, It.Is<AuditEntry>(e => e.Type == "ActionRefused"), It.IsAny<CancellationToken>()),
            expected == ActionOutcomeKind.Refused ? Times.Once() : Times.Never());
        if (expected == ActionOutcomeKind.Refused) Assert.Contains("ended before it applied", outcome.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssessAsync_InvalidBody_InvalidWithFieldErrorsAndNothingAsked()
    {
        var outcome = await Actions(TimeSpan.FromMilliseconds(100)).AssessAsync(ApprovalSamples.CaseId, Assessment with { Severity = "high" }, "analyst@acme.example", default);

        Assert.Equal(ActionOutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("severity", outcome.Errors!.ToDictionary().Keys);
        workflows.VerifyNoOtherCalls();
    }

    private CaseActions Actions(TimeSpan actionWait, TimeProvider? time = null)
    {
        var options = Options.Create(new ApiOptions { ActionWait = actionWait });
        var record = ApprovalSamples.Case() with { Stage = CaseStage.Received, Disclosure = null, Publication = null };
        return new CaseActions(new SingleCaseStore(record), audit.Object, watch, workflows.Object, new PolicyProvider(options), options, time ?? TimeProvider.System);
    }
}
