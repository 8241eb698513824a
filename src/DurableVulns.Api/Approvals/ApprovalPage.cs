using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace DurableVulns.Api.Approvals;

/// <summary>
/// A server-rendered approval page with the headers every such page needs: the token is in the URL,
/// so nothing may cache the page, frame it, run script in it or send it on as a referrer.
/// </summary>
public sealed class ApprovalPage(int statusCode, string html) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    public string Html { get; } = html;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => HtmlContentType;

    /// <summary>Sets the security headers on any response of the approval pages (also the rate limiter's).</summary>
    public static void ApplyHeaders(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        ApplyHeaders(response);
        response.ContentType = HtmlContentType;
        var body = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
