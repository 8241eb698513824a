using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Http;

/// <summary>PSIRT endpoints need the configured key in <c>X-Api-Key</c>; anything else is a 401.</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.ApiKey;
        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(given, expected))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = HeaderName;
            return Problems.Status(StatusCodes.Status401Unauthorized, "A valid X-Api-Key header is required.");
        }
        return await next(context);
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
