using DurableVulns.Api;
using DurableVulns.Host.Engine;
using DurableVulns.Host.Maintenance;
using DurableVulns.Infrastructure;
using DurableVulns.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
builder.Services
    .AddDurableVulnsInfrastructure(builder.Configuration)
    .AddDurableVulnsWorkflows()
    .AddDurableVulnsApi(builder.Configuration)
    .AddDurableEngine(builder.Configuration)
    .AddHostedService<RetentionService>();

var app = builder.Build();
if (!await app.Services.PolicyLoadsAsync()) return 1;

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapDurableVulnsApi();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();
return 0;

/// <summary>The standalone host's entry point; public so that tests can start it in-process.</summary>
public partial class Program;
