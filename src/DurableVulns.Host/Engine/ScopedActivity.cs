using Microsoft.DurableTask;

namespace DurableVulns.Host.Engine;

/// <summary>Runs an activity in a DI scope that lives exactly as long as the call.</summary>
public sealed class ScopedActivity : ITaskActivity
{
    private readonly IServiceProvider services;
    private readonly Type activityType;

    public ScopedActivity(IServiceProvider services, Type activityType)
    {
        this.services = services;
        this.activityType = activityType;
        // Input and output types are fixed by the class's TaskActivity<TInput, TOutput> base.
        var definition = activityType;
        while (definition is not null && !(definition.IsGenericType && definition.GetGenericTypeDefinition() == typeof(TaskActivity<,>)))
            definition = definition.BaseType;
        var arguments = definition?.GetGenericArguments()
            ?? throw new ArgumentException($"{activityType.Name} does not derive from TaskActivity<TInput, TOutput>.", nameof(activityType));
        InputType = arguments[0];
        OutputType = arguments[1];
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var activity = (ITaskActivity)scope.ServiceProvider.GetRequiredService(activityType);
        return await activity.RunAsync(context, input);
    }
}
