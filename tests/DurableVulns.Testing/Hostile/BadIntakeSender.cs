using System.Net.Http.Headers;
using System.Text.Json;

namespace DurableVulns.Testing.Hostile;

/// <summary>Sends a <see cref="BadIntake"/> to <c>POST /api/reports</c> and checks its answer.</summary>
public static class BadIntakeSender
{
    /// <summary>
    /// Sends <paramref name="item"/>; the status it got (null when none came), and null when that was
    /// its expected 4xx as a problem with the same status, else what went wrong.
    /// </summary>
    public static async Task<(int? Status, string? Failure)> SendAsync(HttpClient client, BadIntake item)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(item);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = item.Streamed ? new StreamedContent(item.Body) : new ByteArrayContent(item.Body),
        };
        if (item.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", item.ContentType);
        if (item.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", item.IdempotencyKey);
        int? status = null;
        try
        {
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status != item.Expected) return (status, $"expected {item.Expected}, got {status}: {Clip(body)}");
            if (response.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/problem+json" })
                return (status, $"content type {response.Content.Headers.ContentType}, not application/problem+json");
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("status", out var reported) && reported.GetInt32() == status
                ? (status, null)
                : (status, $"the problem's status is not {status}: {Clip(body)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or IOException or InvalidOperationException)
        {
            return (status, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
