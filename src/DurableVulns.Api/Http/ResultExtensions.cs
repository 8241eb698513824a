using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Http;

/// <summary>Adds a response header (Location, Retry-After) to any result.</summary>
public static class ResultExtensions
{
    public static IResult WithLocation(this IResult result, string location) =>
        new HeaderedResult(result, headers => headers.Location = location);

    public static IResult WithRetryAfter(this IResult result, int seconds) =>
        new HeaderedResult(result, headers => headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture));

    private sealed class HeaderedResult(IResult inner, Action<IHeaderDictionary> setHeader) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            setHeader(httpContext.Response.Headers);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
