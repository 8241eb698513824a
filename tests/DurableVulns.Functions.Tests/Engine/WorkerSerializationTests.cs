using DurableVulns.Api;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableVulns.Functions.Tests.Engine;

/// <summary>
/// Orchestration and activity inputs cross the Functions worker's serializer (not the
/// standalone host's); each must come back as it went in.
/// </summary>
public sealed class WorkerSerializationTests : IDisposable
{
    private static readonly DateTime ReceivedAt = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private readonly FunctionsTestHost host = new();
    private readonly ServiceProvider worker;
    private readonly DataConverter converter;

    public WorkerSerializationTests()
    {
        var builder = new TestWorkerApplicationBuilder();
        builder.Services.AddFunctionsWorkerCore();
        builder.ConfigureDurableExtension();
        worker = builder.Services.BuildServiceProvider();
        converter = worker.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).DataConverter;
    }

    [Fact]
    public void DataConverter_LifecycleInputWithTheShippedPolicy_RoundTrips()
    {
        // Arrange
        var input = new ReportLifecycleInput("case-1", ReceivedAt, host.Services.GetRequiredService<PolicyProvider>().Current, true);

        // Act
        var json = converter.Serialize(input)!;
        var back = converter.Deserialize<ReportLifecycleInput>(json)!;

        // Assert: the extension's shim over the worker's ObjectSerializer, not a default converter.
        Assert.Equal("ObjectConverterShim", converter.GetType().Name);
        Assert.Equal(json, converter.Serialize(back));
        Assert.Equal(ReceivedAt, back.ReceivedAtUtc);
        Assert.Equal(DateTimeKind.Utc, back.ReceivedAtUtc.Kind);
        Assert.Equal(input.Policy.MiitSubmission.Deadline, back.Policy.MiitSubmission.Deadline);
    }

    [Fact]
    public void DataConverter_ActivityInputs_RoundTrip()
    {
        // Arrange
        var step = new ClockStepInput("case-1", new ClockStep(ClockStepKind.Escalation, 1, ReceivedAt.AddHours(44)));
        var action = new CaseActionInput<Domain.Reports.Assessment>("case-1", new PsirtAction<Domain.Reports.Assessment>("a1", "psirt-api", Samples.Assessment()));

        // Act
        var stepBack = converter.Deserialize<ClockStepInput>(converter.Serialize(step));
        var actionBack = converter.Deserialize<CaseActionInput<Domain.Reports.Assessment>>(converter.Serialize(action))!;

        // Assert
        Assert.Equal(step, stepBack);
        Assert.Equal(action.Action.Body.AffectedVersions, actionBack.Action.Body.AffectedVersions);
        Assert.Equal(action.Action with { Body = actionBack.Action.Body }, actionBack.Action);
    }

    public void Dispose()
    {
        worker.Dispose();
        host.Dispose();
    }
}
