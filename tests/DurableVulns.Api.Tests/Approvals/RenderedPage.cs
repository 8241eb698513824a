using System.Text;
using DurableVulns.Api.Approvals;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>What an approval page wrote to a response: status, headers and the HTML.</summary>
public sealed record RenderedPage(int Status, IHeaderDictionary Headers, string? ContentType, string Html)
{
    public static async Task<RenderedPage> RunAsync(IResult result, HttpContext? http = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        http ??= new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await result.ExecuteAsync(http);

        return new RenderedPage(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    public static Task<RenderedPage> RunAsync(ApprovalPage page) => RunAsync((IResult)page);
}
