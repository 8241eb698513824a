using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DurableVulns.Web.Security;

/// <summary>
/// The pages' style sheet and script, embedded in this assembly and served from memory: same origin,
/// so the Content-Security-Policy can forbid everything inline.
/// </summary>
public static class AssetEndpoints
{
    private static readonly (string File, string ContentType)[] Assets =
    [
        ("site.css", "text/css; charset=utf-8"),
        ("countdown.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapDurableVulnsAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (file, contentType) in Assets)
        {
            var bytes = Read(file);
            endpoints.MapGet("/assets/" + file, (HttpContext http) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(bytes, contentType);
            });
        }
        return endpoints;
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("Assets." + file)
            ?? throw new InvalidOperationException($"The embedded asset {file} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
