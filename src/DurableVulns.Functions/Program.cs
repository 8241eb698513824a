using DurableVulns.Api;
using DurableVulns.Domain.Policy;
using DurableVulns.Functions;
using DurableVulns.Functions.Engine;
using DurableVulns.Infrastructure;
using DurableVulns.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
builder.Services
    .AddDurableVulnsInfrastructure(builder.Configuration)
    .AddDurableVulnsWorkflows()
    .AddDurableVulnsApi(builder.Configuration)
    .AddDurableVulnsFunctions();

// The same classes the standalone host runs, dispatched by the Durable Functions worker.
builder.ConfigureDurableWorker().AddTasks(tasks => tasks.AddDurableVulnsTasks());

var app = builder.Build();
try
{
    // A malformed policy stops the worker here, naming the bad key, before any report is taken.
    _ = app.Services.GetRequiredService<PolicyProvider>().Current;
}
catch (PolicyException ex)
{
    await Console.Error.WriteLineAsync($"DurableVulns cannot start: {ex.Message}");
    return 1;
}

await app.RunAsync();
return 0;
