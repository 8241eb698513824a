using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace DurableVulns.Host.Engine;

/// <summary>Gives DurableTask.Core a shim around one of our activities, resolved from a DI scope of its own.</summary>
public sealed class ActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly DurableTaskShimFactory shims;
    private readonly IServiceProvider services;
    private readonly Type activityType;

    public ActivityCreator(DurableTaskShimFactory shims, IServiceProvider services, Type activityType)
    {
        this.shims = shims;
        this.services = services;
        this.activityType = activityType;
        Name = activityType.Name;
        Version = string.Empty;
    }

    public override TaskActivity Create() => shims.CreateActivity(Name, new ScopedActivity(services, activityType));
}
