using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableVulns.Workflows;

/// <summary>Registers the activities and the services they share; stores and mailer come from Infrastructure.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddDurableVulnsWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CaseJournal>();
        services.AddScoped<MailDispatcher>();
        foreach (var activity in WorkflowRegistry.Activities) services.AddScoped(activity);
        return services;
    }
}
