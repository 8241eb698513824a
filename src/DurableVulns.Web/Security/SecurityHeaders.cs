using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace DurableVulns.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows our own script and style files
/// and nothing inline, no framing, no MIME sniffing, and no Referer (a tracking link's path is its token).
/// Nothing is cached unless it says so (the style sheet and script do): a receipt or tracking page
/// is as secret as its link. A page that sets a stricter policy of its own (the approval pages) keeps it.
/// Outside Development an HTTPS response also tells the browser to use HTTPS only for a year (HSTS), so
/// that an approval or tracking link typed or followed as http:// does not cross the network in clear.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment)
{
    public const string StrictTransportSecurity = "max-age=31536000";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Request.IsHttps && !environment.IsDevelopment()) headers.StrictTransportSecurity = StrictTransportSecurity;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
