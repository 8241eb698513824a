using System.Text.Json;
using DurableVulns.Functions.Maintenance;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableVulns.Functions.Tests.Maintenance;

/// <summary>The Functions app runs the standalone host's maintenance on timers, with the invocation's durable client.</summary>
public sealed class MaintenanceFunctionsTests : IDisposable
{
    private readonly FunctionsTestHost host = new();
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");

    [Fact]
    public async Task RecoverStoppedIntakes_CaseStoredWithoutWorkflowPastTheGrace_StartsItAndSaysSo()
    {
        // Arrange: a case stored three minutes ago whose intake never started its workflow.
        var record = Samples.Case("orphan") with { ReceivedAtUtc = DateTime.UtcNow.AddMinutes(-3) };
        host.Cases.Records[record.Id] = record;
        durable.Setup(c => c.GetInstanceAsync(record.Id, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(record.Id);

        // Act
        using (var invocation = host.Services.CreateScope())
            await host.CreateFunction<MaintenanceFunctions>(invocation).RecoverStoppedIntakes(new TimerInfo(), durable.Object, CancellationToken.None);

        // Assert
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(ReportLifecycleOrchestrator)), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == record.Id), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(await host.Audit.FindAsync(record.Id, "intake-recovered"));
        Assert.Contains(host.IntakeLog.Attempts, a => a.CaseId == record.Id && a.Outcome == "Recovered");
    }

    [Fact]
    public async Task PurgePastRetention_Run_PurgesEachStoreAtThePolicysRetention()
    {
        // Arrange
        PurgeInstancesFilter? filter = null;
        durable.Setup(c => c.PurgeAllInstancesAsync(It.IsAny<PurgeInstancesFilter>(), It.IsAny<CancellationToken>()))
            .Callback((PurgeInstancesFilter f, CancellationToken _) => filter = f)
            .ReturnsAsync(new PurgeResult(2));
        var before = DateTimeOffset.UtcNow;

        // Act
        using (var invocation = host.Services.CreateScope())
            await host.CreateFunction<MaintenanceFunctions>(invocation).PurgePastRetention(new TimerInfo(), durable.Object, CancellationToken.None);

        // Assert: the shipped policy keeps finished history and Idempotency-Keys 7 days, sent mail 30 and
        // the intake log 183; running cases are never in the filter.
        var after = DateTimeOffset.UtcNow;
        Assert.NotNull(filter);
        Assert.InRange(filter.CreatedTo!.Value, before.AddDays(-7), after.AddDays(-7));
        Assert.Equal(
            [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
            filter.Statuses!.Order());
        Assert.InRange(host.Idempotency.PurgedBeforeUtc!.Value, before.UtcDateTime.AddDays(-7), after.UtcDateTime.AddDays(-7));
        Assert.InRange(host.SentMail.PurgedBeforeUtc!.Value, before.UtcDateTime.AddDays(-30), after.UtcDateTime.AddDays(-30));
        Assert.Equal(TimeSpan.FromDays(183), host.IntakeLog.PurgedRetention);
    }

    [Theory]
    [InlineData(nameof(MaintenanceFunctions.PurgePastRetention), MaintenanceFunctions.RetentionSchedule)]
    [InlineData(nameof(MaintenanceFunctions.RecoverStoppedIntakes), MaintenanceFunctions.IntakeRecoverySchedule)]
    public void FunctionsMetadata_MaintenanceFunction_HasItsTimerAndADurableClient(string name, string schedule)
    {
        // Arrange: what the Functions host itself reads.
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));

        // Act
        var bindings = metadata.RootElement.EnumerateArray()
            .Single(f => f.GetProperty("name").GetString() == name)
            .GetProperty("bindings").EnumerateArray()
            .ToDictionary(b => b.GetProperty("type").GetString()!);

        // Assert
        Assert.Equal(schedule, bindings["timerTrigger"].GetProperty("schedule").GetString());
        Assert.True(bindings.ContainsKey("durableClient"));
    }

    public void Dispose() => host.Dispose();
}
