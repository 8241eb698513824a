using DurableVulns.Api.Intake;
using DurableVulns.Functions.Http;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableVulns.Functions.Tests.Http;

public sealed class ReportIntakeFunctionTests : IDisposable
{
    private readonly FunctionsTestHost host = new();
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");

    [Theory]
    [InlineData("{\"title\": 42}")]
    [InlineData("not json")]
    [InlineData("{}")]
    public async Task SubmitReport_InvalidBody_Returns400ProblemAndSchedulesNothing(string body)
    {
        // Arrange
        var request = FunctionsTestHost.Request("POST", body);

        // Act
        var response = await SubmitAsync(request);

        // Assert
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.ContentType);
        durable.VerifyNoOtherCalls();
        Assert.Empty(host.Cases.Records);
        var attempt = Assert.Single(host.IntakeLog.Attempts);
        Assert.Equal("Rejected", attempt.Outcome);
    }

    [Fact]
    public async Task SubmitReport_ValidReport_Returns202AndStartsTheLifecycleUnderTheCaseId()
    {
        // Arrange
        durable.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        SetupSchedule();

        // Act
        var response = await SubmitAsync(FunctionsTestHost.Request("POST", Samples.Report()));

        // Assert
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        var caseId = Assert.Single(host.Cases.Records).Key;
        Assert.Equal($"/api/reports/{caseId}", response.Headers.Location.ToString());
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(ReportLifecycleOrchestrator)),
            It.Is<object?>(i => IsInputFor(i, caseId)),
            It.Is<StartOrchestrationOptions?>(o => o != null && o.InstanceId == caseId),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SubmitReport_RetryWithSameIdempotencyKeyAfterStart_SchedulesOnlyOnce()
    {
        // Arrange: the second attempt finds the instance the first one started.
        durable.SetupSequence(c => c.GetInstanceAsync(It.IsAny<string>(), false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(new OrchestrationMetadata(nameof(ReportLifecycleOrchestrator), "any") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        SetupSchedule();
        var key = new Dictionary<string, string> { [ReportIntakeHandler.IdempotencyHeader] = "retry-1" };

        // Act
        var first = await SubmitAsync(FunctionsTestHost.Request("POST", Samples.Report(), headers: key));
        var second = await SubmitAsync(FunctionsTestHost.Request("POST", Samples.Report(), headers: key));

        // Assert
        Assert.Equal(StatusCodes.Status202Accepted, first.StatusCode);
        Assert.Equal(StatusCodes.Status202Accepted, second.StatusCode);
        Assert.Single(host.Cases.Records);
        durable.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    // Each call is its own invocation, with its own scope, as in the worker.
    private async Task<HttpResponse> SubmitAsync(HttpRequest request)
    {
        using var invocation = host.Services.CreateScope();
        var result = await host.CreateFunction<ReportIntakeFunction>(invocation).SubmitReport(request, durable.Object);
        return await host.ExecuteAsync(result, request);
    }

    private void SetupSchedule() =>
        durable.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o!.InstanceId!);

    private static bool IsInputFor(object? input, string caseId) =>
        input is ReportLifecycleInput lifecycle && lifecycle.CaseId == caseId && !lifecycle.HasUpstreamComponent;

    public void Dispose() => host.Dispose();
}
