using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Http;

/// <summary>
/// Reads a JSON request body defensively: content type, size, strict UTF-8 and nesting depth
/// are checked before binding, and every failure is a 4xx problem, never an exception.
/// </summary>
public static class JsonBodyReader
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxDepth = 16;

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web) { MaxDepth = MaxDepth };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<BodyReadResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "content-type", "The body must be application/json in UTF-8.");
        if (request.ContentLength > MaxBodyBytes)
            return Fail<T>(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body must be at most {MaxBodyBytes} bytes.");

        byte[]? bytes;
        try
        {
            bytes = await ReadLimitedAsync(request.Body, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            // The server gave up on the body (too slow, cut short): the client's fault, a 4xx, logged like any rejection.
            return Fail<T>(ex.StatusCode, "body-read", "The request body could not be read in time.");
        }
        if (bytes is null)
            return Fail<T>(StatusCodes.Status413PayloadTooLarge, "too-large", $"The body must be at most {MaxBodyBytes} bytes.");

        string text;
        try
        {
            // RFC 8259 lets a parser ignore a leading byte-order mark.
            var utf8 = bytes.AsSpan();
            if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return new(default, Problems.Field("$", "The body is not valid UTF-8."), "utf-8");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, SerializerOptions);
            return value is null
                ? new(default, Problems.Field("$", "A JSON object is required."), "empty")
                : new(value, null, null, text);
        }
        catch (JsonException ex)
        {
            var path = FieldPath(ex.Path);
            return new(default, Problems.Field(path, "is malformed JSON or has the wrong type."), $"json:{path}");
        }
    }

    // The path names a field of ours (reporter.email, affectedVersions[1]) or nothing: a path
    // through unknown member names would carry the client's text into the intake log.
    private static string FieldPath(string? jsonPath)
    {
        var path = (jsonPath ?? string.Empty).TrimStart('$', '.');
        var safe = path.Length is > 0 and <= 100 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '[' or ']' or '_');
        return safe ? path : "$";
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        if (!media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return false;
        var charset = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(media.Charset);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    // Reads at most MaxBodyBytes; null when the body is longer, whatever Content-Length said.
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static BodyReadResult<T> Fail<T>(int status, string reason, string detail) =>
        new(default, Problems.Status(status, detail), reason);
}
