using System.Text.Json.Nodes;
using Xunit;

namespace DurableVulns.Testing;

/// <summary>Reads a case status: its timeline, and any text member by path.</summary>
public static class TimelineExtensions
{
    public static IReadOnlyList<string> TimelineTypes(this JsonObject status) =>
        [.. status["timeline"]!.AsArray().Select(entry => entry!["type"]!.GetValue<string>())];

    public static bool Has(this JsonObject status, string type) => status.TimelineTypes().Contains(type);

    public static int Count(this JsonObject status, string type) => status.TimelineTypes().Count(t => t == type);

    /// <summary>
    /// Asserts a timeline whose MIIT clock ran out: <paramref name="expected"/> without the breach entry,
    /// which comes once, before the deadline's escalation. The case's loop records the breach, while the
    /// clock's reminders and escalations wait in the case's mail queue: where every step is overdue at
    /// once (a restart) the breach can come before alerts still queued. The mail keeps its order.
    /// </summary>
    public static void AssertClockRanOut(this JsonObject status, params string[] expected)
    {
        var types = status.TimelineTypes();
        Assert.Equal(expected, types.Where(type => type != "MiitDeadlineMissed"));
        Assert.Single(types, type => type == "MiitDeadlineMissed");
        Assert.True(types.ToList().IndexOf("MiitDeadlineMissed") < types.ToList().LastIndexOf("Escalation"), string.Join(", ", types));
    }

    /// <summary>The detail of the case's one timeline entry of <paramref name="type"/>; fails unless there is exactly one.</summary>
    public static string Detail(this JsonObject status, string type) =>
        status["timeline"]!.AsArray().Single(entry => entry!["type"]!.GetValue<string>() == type)!["detail"]!.GetValue<string>();

    /// <summary>The text at <paramref name="path"/> (e.g. "disclosure", "miit", "decision"), or null where there is none.</summary>
    public static string? Text(this JsonObject status, params string[] path)
    {
        JsonNode? node = status;
        foreach (var name in path) node = node is JsonObject o ? o[name] : null;
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }
}
