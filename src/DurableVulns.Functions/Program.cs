using DurableVulns.Api;
using DurableVulns.Functions;
using DurableVulns.Functions.Engine;
using DurableVulns.Infrastructure;
using DurableVulns.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection([new("DurableVulns:TaskHub", FunctionsTaskHub.From(builder.Configuration))]);
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
if (!await app.Services.PolicyLoadsAsync()) return 1;

await app.RunAsync();
return 0;
