using DurableVulns.Functions.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace DurableVulns.Functions.Tests.Engine;

public sealed class DurableTaskWorkflowClientTests
{
    private const string InstanceId = "case-1";
    private readonly Mock<DurableTaskClient> durable = new("test");

    private DurableTaskWorkflowClient Client => new(durable.Object);

    [Fact]
    public async Task StartAsync_NewInstance_SchedulesOrchestratorUnderTheInstanceIdWithTheInput()
    {
        // Arrange
        var input = new { CaseId = InstanceId };
        durable.Setup(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(InstanceId);

        // Act
        await Client.StartAsync("ReportLifecycleOrchestrator", InstanceId, input);

        // Assert
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName("ReportLifecycleOrchestrator"), input,
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == InstanceId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task StartAsync_InstanceAlreadyExists_SchedulesNothing(OrchestrationRuntimeStatus status)
    {
        // Arrange: Durable Functions would restart a finished instance, so none may be scheduled.
        durable.Setup(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("ReportLifecycleOrchestrator", InstanceId) { RuntimeStatus = status });

        // Act
        await Client.StartAsync("ReportLifecycleOrchestrator", InstanceId, new object());

        // Assert
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task StartAsync_ScheduleFailsButAConcurrentStartCreatedTheInstance_Succeeds()
    {
        // Arrange
        durable.SetupSequence(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(new OrchestrationMetadata("ReportLifecycleOrchestrator", InstanceId) { RuntimeStatus = OrchestrationRuntimeStatus.Pending });
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("An orchestration with this instance ID already exists."));

        // Act
        var start = Client.StartAsync("ReportLifecycleOrchestrator", InstanceId, new object());

        // Assert
        await start;
        durable.Verify(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task StartAsync_ScheduleFailsAndNoInstanceExists_Throws()
    {
        // Arrange
        durable.Setup(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("The task hub is unavailable."));

        // Act
        var start = Client.StartAsync("ReportLifecycleOrchestrator", InstanceId, new object());

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => start);
        Assert.Equal("The task hub is unavailable.", error.Message);
    }

    [Fact]
    public async Task RaiseEventAsync_Always_PassesInstanceEventNameAndPayload()
    {
        // Arrange
        var payload = new { ActionId = "a1" };

        // Act
        await Client.RaiseEventAsync(InstanceId, "Psirt.Assessment", payload);

        // Assert
        durable.Verify(c => c.RaiseEventAsync(InstanceId, "Psirt.Assessment", payload, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, "Pending")]
    [InlineData(OrchestrationRuntimeStatus.Running, "Running")]
    [InlineData(OrchestrationRuntimeStatus.Completed, "Completed")]
    [InlineData(OrchestrationRuntimeStatus.Failed, "Failed")]
    [InlineData(OrchestrationRuntimeStatus.Terminated, "Terminated")]
    public async Task GetStatusAsync_ExistingInstance_ReturnsRuntimeStatusName(OrchestrationRuntimeStatus status, string expected)
    {
        // Arrange
        durable.Setup(c => c.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata("ReportLifecycleOrchestrator", InstanceId) { RuntimeStatus = status });

        // Act
        var actual = await Client.GetStatusAsync(InstanceId);

        // Assert
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task GetStatusAsync_UnknownInstance_ReturnsNull()
    {
        // Arrange
        durable.Setup(c => c.GetInstanceAsync("nope", false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        // Act
        var actual = await Client.GetStatusAsync("nope");

        // Assert
        Assert.Null(actual);
    }

    [Fact]
    public async Task TerminateAsync_Always_TerminatesTheInstanceWithTheReasonAsOutput()
    {
        // Act
        await Client.TerminateAsync(InstanceId, "duplicate report");

        // Assert
        durable.Verify(c => c.TerminateInstanceAsync(
            InstanceId, It.Is<TerminateInstanceOptions?>(o => o != null && Equals(o.Output, "duplicate report")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PurgeAsync_Always_PurgesTheInstance()
    {
        // Arrange
        durable.Setup(c => c.PurgeInstanceAsync(InstanceId, It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PurgeResult(1));

        // Act
        await Client.PurgeAsync(InstanceId);

        // Assert
        durable.Verify(c => c.PurgeInstanceAsync(InstanceId, It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PurgeFinishedAsync_BackendIncompleteWithoutProgress_StopsAsking()
    {
        // Arrange
        durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PurgeResult(0, isComplete: false));

        // Act
        var purged = await Client.PurgeFinishedAsync(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // Assert
        Assert.Equal(0, purged);
        durable.Verify(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PurgeFinishedAsync_BackendPurgesInPortions_AsksUntilCompleteAndAddsTheCounts()
    {
        // Arrange: the first call stops part-way (a timeout on the backend's side).
        durable.SetupSequence(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new PurgeResult(500, isComplete: false))
            .ReturnsAsync(new PurgeResult(20, isComplete: true));
        var before = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        // Act
        var purged = await Client.PurgeFinishedAsync(before);

        // Assert
        Assert.Equal(520, purged);
        durable.Verify(c => c.PurgeAllInstancesAsync(
            It.Is<PurgeInstancesFilter>(f => f.CreatedTo == new DateTimeOffset(before) && f.CreatedFrom < f.CreatedTo),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
