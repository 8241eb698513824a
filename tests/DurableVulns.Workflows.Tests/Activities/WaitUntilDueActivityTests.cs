using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>A clock step's due time, waited for in the worker, and never more than a second of it.</summary>
public sealed class WaitUntilDueActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_DueIn400Milliseconds_EndsOnlyWhenDue()
    {
        // Arrange
        var time = new FakeTimeProvider(Now);
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), Now.UtcDateTime.AddMilliseconds(400));

        // Act
        time.Advance(TimeSpan.FromMilliseconds(399));
        var beforeDue = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.False(beforeDue);
        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }

    [Fact]
    public async Task RunAsync_DueInUnderAMillisecond_WaitsAWholeMillisecond()
    {
        // Arrange: Task.Delay waits whole milliseconds; rounding down would end the step before its time.
        var time = new FakeTimeProvider(Now);
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), Now.UtcDateTime.AddTicks(3_000));

        // Act
        var atOnce = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.False(atOnce);
        Assert.True(await wait);
    }

    [Fact]
    public async Task RunAsync_DueWhileItWaitedForAWorker_EndsAtOnce()
    {
        // Arrange
        var time = new FakeTimeProvider(Now);

        // Act
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), Now.UtcDateTime.AddMilliseconds(-5));

        // Assert
        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }

    [Fact]
    public async Task RunAsync_DueInAMinute_HoldsTheWorkerForASecondAtMost()
    {
        // Arrange: a longer rest is a durable timer's; the orchestrator checks the time again after the step.
        var time = new FakeTimeProvider(Now);
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), Now.UtcDateTime.AddMinutes(1));

        // Act
        time.Advance(ClockWaits.LongestRestInAStep);

        // Assert
        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }
}
