using System.Text.Json;
using DurableVulns.Api;
using DurableVulns.Infrastructure;
using DurableVulns.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Functions.Tests.Http;

/// <summary>
/// The Functions app answers on exactly the paths and methods the standalone host maps, so that
/// clients and the emailed <c>{PublicBaseUrl}/approvals/{token}</c> links work against either host.
/// Read from what the Functions host itself reads: the generated <c>functions.metadata</c> and <c>host.json</c>.
/// </summary>
public sealed class RouteTableTests
{
    [Fact]
    public void HostJson_HttpRoutePrefix_IsEmpty()
    {
        // Arrange
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        // Act
        var prefix = RoutePrefix(hostJson);

        // Assert: with the default "api" the approval pages would move to /api/approvals.
        Assert.Equal("", prefix);
    }

    [Fact]
    public async Task HttpTriggers_RouteTable_MatchesTheStandaloneHostsEndpoints()
    {
        // Arrange
        var expected = await StandaloneRoutesAsync();

        // Act
        var actual = FunctionsRoutes();

        // Assert
        Assert.Equal(expected, actual);
        Assert.Contains(("GET", "/approvals/{token}"), actual);
        Assert.Contains(("POST", "/api/reports/{id}/publication"), actual);
    }

    private static List<(string Method, string Path)> FunctionsRoutes()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var prefix = RoutePrefix(hostJson) is { Length: > 0 } p ? "/" + p.Trim('/') : "";
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var routes = new List<(string, string)>();
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() != "httpTrigger") continue;
                var route = binding.TryGetProperty("route", out var r) ? r.GetString()! : function.GetProperty("name").GetString()!;
                routes.AddRange(binding.GetProperty("methods").EnumerateArray()
                    .Select(m => (m.GetString()!.ToUpperInvariant(), $"{prefix}/{route}")));
            }
        }
        return Sorted(routes);
    }

    // The standalone host's endpoints as MapDurableVulnsApi maps them (its /healthz is the host's own, not the API's).
    private static async Task<List<(string Method, string Path)>> StandaloneRoutesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DurableVulns:PolicyFile"] = Path.Combine(AppContext.BaseDirectory, "workflows", "rmsv-2021.policy.json"),
        });
        builder.Services
            .AddDurableVulnsInfrastructure(builder.Configuration)
            .AddDurableVulnsWorkflows()
            .AddDurableVulnsApi(builder.Configuration)
            .AddDurableVulnsFunctions();
        await using var app = builder.Build();
        app.MapDurableVulnsApi();

        var routes = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.Trim('/'))))
            .ToList();
        return Sorted(routes);
    }

    private static string? RoutePrefix(JsonDocument hostJson) =>
        hostJson.RootElement.TryGetProperty("extensions", out var extensions)
        && extensions.TryGetProperty("http", out var http)
        && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString()
            : "api";

    private static List<(string Method, string Path)> Sorted(IEnumerable<(string Method, string Path)> routes) =>
        [.. routes.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
}
