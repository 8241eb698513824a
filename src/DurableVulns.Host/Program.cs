using DurableVulns.Api;
using DurableVulns.Host.Engine;
using DurableVulns.Host.Maintenance;
using DurableVulns.Infrastructure;
using DurableVulns.Web;
using DurableVulns.Workflows;

// `hash-password`: reads a password on stdin and prints the hash for DurableVulns__Console__Users__N__PasswordHash.
if (args is ["hash-password"])
{
    Console.WriteLine(DurableVulns.Web.Console.LocalSignIn.HashPassword(Console.ReadLine() ?? ""));
    return 0;
}

// Settings ship beside the binaries, so the host reads them wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
// Request logs carry paths, and an approval link's path is its token: never log them.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// SIGTERM: finish what is in flight, and be gone within five seconds. The stop of the hosted
// services gets 4.5 s of them; the rest of the exit (disposal, log flush) took ≈ 30 ms.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(4.5));
builder.Services
    .AddDurableVulnsInfrastructure(builder.Configuration)
    .AddDurableVulnsWorkflows()
    .AddDurableVulnsApi(builder.Configuration)
    .AddDurableVulnsWeb(builder.Configuration)
    .AddDurableEngine(builder.Configuration)
    .AddMaintenanceRuns();

var app = builder.Build();
if (!await app.Services.PolicyLoadsAsync()) return 1;

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDurableVulnsWeb();
app.UseRateLimiter();
app.MapDurableVulnsApi();
app.MapDurableVulnsWeb();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();
return 0;

/// <summary>The standalone host's entry point; public so that tests can start it in-process.</summary>
public partial class Program;
