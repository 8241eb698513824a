using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.DurableTask;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DurableVulns.Workflows.Tests.Activities;

/// <summary>
/// The rest of a clock step's time as the orchestration reckoned it, waited out in the worker, and
/// never more than a second of it; the worker's own clock plays no part.
/// </summary>
public sealed class WaitUntilDueActivityTests
{
    [Fact]
    public async Task RunAsync_Rest400Milliseconds_EndsOnlyAfterAllOfIt()
    {
        // Arrange
        var time = new FakeTimeProvider();
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), TimeSpan.FromMilliseconds(400));

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
    public async Task RunAsync_RestUnderAMillisecond_WaitsAWholeMillisecond()
    {
        // Arrange: Task.Delay waits whole milliseconds; rounding down would end the step before its time.
        var time = new FakeTimeProvider();
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), TimeSpan.FromTicks(3_000));

        // Act
        var atOnce = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        // Assert
        Assert.False(atOnce);
        Assert.True(await wait);
    }

    [Fact]
    public async Task RunAsync_NoRestLeft_EndsAtOnce()
    {
        // Arrange
        var time = new FakeTimeProvider();

        // Act
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), TimeSpan.FromMilliseconds(-5));

        // Assert
        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }

    [Fact]
    public async Task RunAsync_RestOfAMinute_HoldsTheWorkerForASecondAtMost()
    {
        // Arrange: a longer rest is a durable timer's; the orchestrator checks the time again after the step.
        var time = new FakeTimeProvider();
        var wait = new WaitUntilDueActivity(time).RunAsync(Mock.Of<TaskActivityContext>(), TimeSpan.FromMinutes(1));

        // Act
        time.Advance(ClockWaits.LongestRestInAStep);

        // Assert
        Assert.True(wait.IsCompleted);
        Assert.True(await wait);
    }
}
