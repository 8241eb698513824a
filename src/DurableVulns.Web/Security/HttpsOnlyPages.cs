using DurableVulns.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace DurableVulns.Web.Security;

/// <summary>
/// Outside Development the pages set Secure cookies, so they are served over HTTPS only: a page
/// asked for over plain HTTP is redirected (GET, HEAD) or refused, never half-served. Behind a
/// TLS-terminating proxy, set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so the host sees HTTPS.
/// The JSON API and the health check are not pages and are left alone.
/// </summary>
public sealed class HttpsOnlyPages(RequestDelegate next, IHostEnvironment environment)
{
    private static readonly string[] NotPages = ["/api", "/healthz", "/assets"];

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (environment.IsDevelopment() || request.IsHttps || NotPages.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            return next(http);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            return Results.Redirect($"https://{request.Host}{request.PathBase}{request.Path}{request.QueryString}", permanent: true, preserveMethod: true).ExecuteAsync(http);
        return Problems.Status(StatusCodes.Status400BadRequest, "This page is served over HTTPS only.").ExecuteAsync(http);
    }
}
