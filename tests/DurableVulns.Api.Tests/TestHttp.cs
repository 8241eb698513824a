using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Api.Tests;

/// <summary>Requests over a <see cref="MemoryStream"/>, and results run against a minimal service provider.</summary>
public static class TestHttp
{
    public static HttpRequest Request(byte[] body, string? contentType = "application/json", long? contentLength = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = contentType;
        http.Request.ContentLength = contentLength;
        http.Request.Body = new MemoryStream(body);
        return http.Request;
    }

    public static HttpRequest Request(string body, string? contentType = "application/json") =>
        Request(Encoding.UTF8.GetBytes(body), contentType, Encoding.UTF8.GetByteCount(body));

    public static async Task<ExecutedResult> ExecuteAsync(IResult result, HttpContext? http = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProblemDetails();
        await using var provider = services.BuildServiceProvider();
        http ??= new DefaultHttpContext();
        http.RequestServices = provider;
        using var body = new MemoryStream();
        http.Response.Body = body;

        await result.ExecuteAsync(http);

        var json = body.Length == 0 ? default : JsonDocument.Parse(body.ToArray()).RootElement.Clone();
        return new ExecutedResult(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType, json);
    }
}
