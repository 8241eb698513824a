using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Http;

/// <summary>PSIRT endpoints need the configured key in <c>X-Api-Key</c>; anything else is a 401.</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Authorize(context.HttpContext, options.Value) ?? await next(context);

    /// <summary>
    /// Null when the request carries the configured key, else the 401 to answer with.
    /// Public so that hosts without endpoint filters (the Functions app) apply the same check.
    /// </summary>
    public static IResult? Authorize(HttpContext http, ApiOptions options)
    {
        var expected = options.ApiKey;
        var given = http.Request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(expected) && FixedTimeEquals(given, expected)) return null;
        http.Response.Headers.WWWAuthenticate = HeaderName;
        return Problems.Status(StatusCodes.Status401Unauthorized, "A valid X-Api-Key header is required.");
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
