using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Tests;

/// <summary>What an <see cref="IResult"/> wrote to a response: status, headers and the JSON body.</summary>
public sealed record ExecutedResult(int Status, IHeaderDictionary Headers, string? ContentType, JsonElement Json)
{
    /// <summary>The messages of a validation problem's <c>errors</c> member for <paramref name="field"/>.</summary>
    public string[] Errors(string field) =>
        [.. Json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The field names of a validation problem's <c>errors</c> member.</summary>
    public string[] ErrorFields() => [.. Json.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
