using DurableVulns.Workflows;
using Microsoft.DurableTask;

namespace DurableVulns.Functions.Engine;

/// <summary>
/// Registers the shared orchestrator and activity classes with the Durable Functions worker.
/// Worker.Extensions.DurableTask (1.21+) turns each registered class into function metadata
/// named after the class and runs it directly, so no source generator or [Function] wrapper is needed.
/// </summary>
public static class WorkflowTaskRegistration
{
    public static DurableTaskRegistry AddDurableVulnsTasks(this DurableTaskRegistry registry)
    {
        // Names default to the class names, which is what the orchestrator calls them by (nameof).
        foreach (var orchestrator in WorkflowRegistry.Orchestrators) registry.AddOrchestrator(orchestrator);
        foreach (var activity in WorkflowRegistry.Activities) registry.AddActivity(activity);
        return registry;
    }
}
