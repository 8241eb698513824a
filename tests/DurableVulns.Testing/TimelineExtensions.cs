using System.Text.Json.Nodes;

namespace DurableVulns.Testing;

/// <summary>Reads the timeline of a case status.</summary>
public static class TimelineExtensions
{
    public static IReadOnlyList<string> TimelineTypes(this JsonObject status) =>
        [.. status["timeline"]!.AsArray().Select(entry => entry!["type"]!.GetValue<string>())];

    public static bool Has(this JsonObject status, string type) => status.TimelineTypes().Contains(type);

    public static int Count(this JsonObject status, string type) => status.TimelineTypes().Count(t => t == type);
}
