using System.Text;
using System.Text.Json;
using DurableVulns.Api;
using DurableVulns.Api.Http;
using DurableVulns.Functions.Tests.Fakes;
using DurableVulns.Infrastructure;
using DurableVulns.Workflows;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace DurableVulns.Functions.Tests;

/// <summary>
/// The Functions app's services wired as Program.cs wires them, with the storage and mail
/// ports replaced by in-memory fakes. Built with scope and build-time validation, as the
/// worker is in Development.
/// </summary>
internal sealed class FunctionsTestHost : IDisposable
{
    public const string ApiKey = "test-key";

    public FunctionsTestHost(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["DurableVulns:ApiKey"] = ApiKey,
            ["DurableVulns:PolicyFile"] = Path.Combine(AppContext.BaseDirectory, "workflows", "rmsv-2021.policy.json"),
            // PSIRT actions answer at once instead of waiting to see the (absent) orchestration apply them.
            ["DurableVulns:ActionWait"] = "00:00:00",
            ["DurableVulns:Psirt:Addresses:0"] = "psirt@example.test",
            ["DurableVulns:Reviewers:MIIT:0"] = "miit-reviewer@example.test",
            ["DurableVulns:Reviewers:MPS:0"] = "mps-reviewer@example.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        // As the worker's generic host registers it, on a developer's machine.
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Development, ApplicationName = "DurableVulns.Functions" });
        services
            .AddDurableVulnsInfrastructure(configuration)
            .AddDurableVulnsWorkflows()
            .AddDurableVulnsApi(configuration)
            .AddDurableVulnsFunctions();
        services.Replace(ServiceDescriptor.Singleton<ICaseStore>(Cases));
        services.Replace(ServiceDescriptor.Singleton<IAuditLog>(Audit));
        services.Replace(ServiceDescriptor.Singleton<IIntakeLog>(IntakeLog));
        services.Replace(ServiceDescriptor.Singleton<IIdempotencyStore>(Idempotency));
        services.Replace(ServiceDescriptor.Singleton<ISentMailLog>(SentMail));
        services.Replace(ServiceDescriptor.Singleton<IMailer>(Mailer));
        replace?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }

    public InMemoryCaseStore Cases { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    public InMemoryIntakeLog IntakeLog { get; } = new();

    public InMemoryIdempotencyStore Idempotency { get; } = new();

    public InMemorySentMailLog SentMail { get; } = new();

    public RecordingMailer Mailer { get; } = new();

    /// <summary>A function class built from an invocation scope, as the worker's activator builds it.</summary>
    public T CreateFunction<T>(IServiceScope invocation) where T : class =>
        ActivatorUtilities.CreateInstance<T>(invocation.ServiceProvider);

    public static HttpRequest Request(string method, object? body = null, string? apiKey = null, IDictionary<string, string>? headers = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        if (apiKey is not null) http.Request.Headers[ApiKeyFilter.HeaderName] = apiKey;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) http.Request.Headers[name] = value;
        if (body is not null)
        {
            var bytes = body as byte[] ?? Encoding.UTF8.GetBytes(body as string ?? JsonSerializer.Serialize(body, JsonBodyReader.SerializerOptions));
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = bytes.Length;
            http.Request.Body = new MemoryStream(bytes);
        }
        return http.Request;
    }

    /// <summary>Writes <paramref name="result"/> to the request's response, as the ASP.NET Core integration does.</summary>
    public async Task<HttpResponse> ExecuteAsync(IResult result, HttpRequest request)
    {
        var http = request.HttpContext;
        http.RequestServices = Services;
        http.Response.Body = new MemoryStream();
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return http.Response;
    }

    public static string BodyOf(HttpResponse response) => new StreamReader(response.Body).ReadToEnd();

    public void Dispose() => Services.Dispose();
}
