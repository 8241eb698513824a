using DurableVulns.Functions.Engine;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Functions;

/// <summary>Registers what only the Functions app needs on top of Infrastructure, Workflows and Api.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddDurableVulnsFunctions(this IServiceCollection services)
    {
        // One per invocation: the trigger hands it that invocation's durable client.
        services.AddScoped<InvocationWorkflowClient>();
        services.AddScoped<IWorkflowClient>(sp => sp.GetRequiredService<InvocationWorkflowClient>());
        return services;
    }
}
