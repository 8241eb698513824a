using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Testing;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Files reports and follows cases over HTTP for the fault tests. Every wait is bounded only so
/// that a broken run fails instead of hanging; no test asserts how fast anything happened.
/// </summary>
public static class CaseDriver
{
    /// <summary>A valid report, told apart from the others of a test by <paramref name="n"/> in its title.</summary>
    public static JsonObject Report(int n, bool withUpstream = false)
    {
        var report = SampleRequests.Report(withUpstream);
        report["title"] = $"报告 {n} / Report {n}: stack overflow in web admin";
        return report;
    }

    /// <summary>
    /// <c>POST /api/reports</c>, with an <c>Idempotency-Key</c> when one is given. A connection that
    /// failed (refused, or reset by a host that died) is an outcome too: status <c>null</c>.
    /// </summary>
    public static async Task<IntakeOutcome> FileAsync(HttpClient client, JsonObject report, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(report) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var id = response.StatusCode == HttpStatusCode.Accepted ? JsonNode.Parse(body)!["id"]!.GetValue<string>() : null;
            return new IntakeOutcome(key, (int)response.StatusCode, id, body);
        }
        catch (HttpRequestException ex)
        {
            return new IntakeOutcome(key, null, null, ex.Message);
        }
        catch (TaskCanceledException ex)
        {
            return new IntakeOutcome(key, null, null, ex.Message);
        }
    }

    public static async Task<JsonObject> StatusAsync(HttpClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (JsonObject)JsonNode.Parse(await client.GetStringAsync($"/api/reports/{id}"))!;
    }

    /// <summary>Polls one case until <paramref name="condition"/> holds.</summary>
    public static async Task<JsonObject> PollAsync(HttpClient client, string id, Func<JsonObject, bool> condition, int seconds = 90)
    {
        var all = await PollAllAsync(client, [id], condition, seconds);
        return all[id];
    }

    /// <summary>Polls every case until <paramref name="condition"/> holds for each; their last statuses.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonObject>> PollAllAsync(
        HttpClient client, IReadOnlyCollection<string> ids, Func<JsonObject, bool> condition, int seconds = 120)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var done = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var last = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var id in ids.Where(id => !done.ContainsKey(id)))
            {
                var status = await StatusAsync(client, id);
                last[id] = status;
                if (condition(status)) done[id] = status;
            }
            if (done.Count == ids.Count) return done;
            if (DateTime.UtcNow > until)
            {
                var waiting = ids.Where(id => !done.ContainsKey(id)).ToList();
                throw new TimeoutException(
                    $"{waiting.Count} of {ids.Count} cases did not reach the expected state within {seconds}s; e.g. {last[waiting[0]].ToJsonString()}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>When the timeline entry of <paramref name="type"/> was written (the first one), if any.</summary>
    public static DateTimeOffset? At(JsonObject status, string type)
    {
        ArgumentNullException.ThrowIfNull(status);
        var entry = status["timeline"]!.AsArray().FirstOrDefault(e => e!["type"]!.GetValue<string>() == type);
        return entry is null ? null : entry["at"]!.GetValue<DateTimeOffset>();
    }
}

/// <summary>What one intake request got: a status code, or <c>null</c> when the connection failed.</summary>
public sealed record IntakeOutcome(string? Key, int? Status, string? CaseId, string Body)
{
    public bool Accepted => Status == (int)HttpStatusCode.Accepted;
}
