using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace DurableVulns.Host.Engine;

/// <summary>
/// Gives DurableTask.Core a fresh shim around one of our orchestrator classes per work item.
/// The version is empty so that Core's name-and-version lookup matches on the name alone.
/// </summary>
public sealed class OrchestratorCreator : ObjectCreator<TaskOrchestration>
{
    private readonly DurableTaskShimFactory shims;
    private readonly IServiceProvider services;
    private readonly Type orchestratorType;

    public OrchestratorCreator(DurableTaskShimFactory shims, IServiceProvider services, Type orchestratorType)
    {
        this.shims = shims;
        this.services = services;
        this.orchestratorType = orchestratorType;
        Name = orchestratorType.Name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create() =>
        shims.CreateOrchestration(Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, orchestratorType));
}
