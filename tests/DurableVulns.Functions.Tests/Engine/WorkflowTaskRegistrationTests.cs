using DurableVulns.Functions.Engine;
using DurableVulns.Workflows;
using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Functions.Tests.Engine;

/// <summary>
/// The Durable Functions worker as Program.cs configures it: the metadata it reports to the
/// Functions host and the factory its executor creates the tasks with.
/// </summary>
public sealed class WorkflowTaskRegistrationTests : IDisposable
{
    private readonly FunctionsTestHost host = new();
    private readonly ServiceProvider worker;

    public WorkflowTaskRegistrationTests()
    {
        var builder = new TestWorkerApplicationBuilder();
        // Done by the extension's startup class in the app; the test assembly has no generated startup code.
        builder.ConfigureDurableExtension();
        builder.ConfigureDurableWorker().AddTasks(tasks => tasks.AddDurableVulnsTasks());
        worker = builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void AddDurableVulnsTasks_FunctionMetadata_HasOneFunctionPerWorkflowClassNamedAfterIt()
    {
        // Arrange
        var transformers = worker.GetServices<IFunctionMetadataTransformer>().ToList();
        var metadata = new List<IFunctionMetadata>();

        // Act
        foreach (var transformer in transformers) transformer.Transform(metadata);

        // Assert: the host dispatches by these names, and the orchestrator calls activities by nameof(class).
        var expected = WorkflowRegistry.Orchestrators.Select(t => (t.Name, "orchestrationTrigger"))
            .Concat(WorkflowRegistry.Activities.Select(t => (t.Name, "activityTrigger")))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        var actual = metadata.Select(f => (f.Name!, TriggerType(f))).OrderBy(f => f.Item1, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void AddDurableVulnsTasks_Factory_CreatesEachActivityFromTheInvocationScope()
    {
        // Arrange
        var factory = worker.GetRequiredService<IDurableTaskFactory>();
        using var invocation = host.Services.CreateScope();

        foreach (var type in WorkflowRegistry.Activities)
        {
            // Act
            var created = factory.TryCreateActivity(new TaskName(type.Name), invocation.ServiceProvider, out var activity);

            // Assert
            Assert.True(created, type.Name);
            Assert.IsType(type, activity);
        }
    }

    [Fact]
    public void AddDurableVulnsTasks_Factory_CreatesTheOrchestratorAndNoUnknownName()
    {
        // Arrange
        var factory = worker.GetRequiredService<IDurableTaskFactory>();
        using var invocation = host.Services.CreateScope();

        // Act
        var created = factory.TryCreateOrchestrator(new TaskName(nameof(ReportLifecycleOrchestrator)), invocation.ServiceProvider, out var orchestrator);
        var unknown = factory.TryCreateActivity(new TaskName("NoSuchActivity"), invocation.ServiceProvider, out _);

        // Assert
        Assert.True(created);
        Assert.IsType<ReportLifecycleOrchestrator>(orchestrator);
        Assert.False(unknown);
        Assert.Contains(typeof(AcknowledgeReporterActivity), WorkflowRegistry.Activities);
    }

    [Fact]
    public void AddDurableVulnsTasks_ReviewOrchestrator_IsAFunctionTheFactoryCreates()
    {
        // Arrange: the lifecycle calls it as a sub-orchestration by nameof(ReviewOrchestrator).
        var metadata = new List<IFunctionMetadata>();
        foreach (var transformer in worker.GetServices<IFunctionMetadataTransformer>()) transformer.Transform(metadata);
        var factory = worker.GetRequiredService<IDurableTaskFactory>();
        using var invocation = host.Services.CreateScope();

        // Act
        var function = metadata.SingleOrDefault(f => f.Name == nameof(ReviewOrchestrator));
        var created = factory.TryCreateOrchestrator(new TaskName(nameof(ReviewOrchestrator)), invocation.ServiceProvider, out var orchestrator);

        // Assert
        Assert.NotNull(function);
        Assert.Equal("orchestrationTrigger", TriggerType(function));
        Assert.True(created);
        Assert.IsType<ReviewOrchestrator>(orchestrator);
    }

    private static string TriggerType(IFunctionMetadata function)
    {
        var binding = Assert.Single(function.RawBindings!);
        using var json = System.Text.Json.JsonDocument.Parse(binding);
        return json.RootElement.GetProperty("type").GetString()!;
    }

    public void Dispose()
    {
        worker.Dispose();
        host.Dispose();
    }
}
