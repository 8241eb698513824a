using System.Text.Json;

namespace DurableVulns.Domain.Policy;

/// <summary>
/// Reads <c>workflows/*.policy.json</c>. Every problem is reported with the JSON path of
/// the key at fault, so that a compliance officer who edits the file can find it.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Art. 5: intake logs are kept at least six months; 183 days covers any six months.</summary>
    public static readonly TimeSpan MinimumIntakeLogRetention = TimeSpan.FromDays(183);

    /// <summary>Loads and validates the policy file at <paramref name="path"/>.</summary>
    public static WorkflowPolicy LoadFile(string path)
    {
        if (!File.Exists(path)) throw new PolicyException("(file)", $"no policy file at '{path}'.");
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses and validates policy JSON.</summary>
    public static WorkflowPolicy Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new PolicyException("(document)", $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PolicyException("(document)", "must be a JSON object.");

            var version = RequiredString(root, "version", "version");
            var timeZone = RequiredString(root, "timeZone", "timeZone");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
                throw new PolicyException("timeZone", $"'{timeZone}' is not a known time zone.");

            var miit = Required(root, "miitSubmission", "miitSubmission", JsonValueKind.Object);
            var deadline = RequiredDuration(miit, "deadline", "miitSubmission.deadline");
            if (deadline <= TimeSpan.Zero) throw new PolicyException("miitSubmission.deadline", "must be longer than zero.");
            var reminders = Offsets(miit, "reminders", "miitSubmission.reminders", deadline);
            var escalations = Offsets(miit, "escalations", "miitSubmission.escalations", deadline);

            var retention = RequiredDuration(root, "intakeLogRetention", "intakeLogRetention");
            if (retention < MinimumIntakeLogRetention)
                throw new PolicyException("intakeLogRetention", "must be at least P183D: Art. 5 keeps intake logs six months or more.");

            return new WorkflowPolicy(version, timeZone, new MiitSubmissionPolicy(deadline, reminders, escalations), retention);
        }
    }

    private static JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value)) throw new PolicyException(path, "is required.");
        if (value.ValueKind != kind) throw new PolicyException(path, $"must be a JSON {kind.ToString().ToLowerInvariant()}.");
        return value;
    }

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        var text = Required(parent, name, path, JsonValueKind.String).GetString();
        if (string.IsNullOrWhiteSpace(text)) throw new PolicyException(path, "must not be empty.");
        return text;
    }

    private static TimeSpan RequiredDuration(JsonElement parent, string name, string path) =>
        Duration(Required(parent, name, path, JsonValueKind.String), path);

    private static TimeSpan Duration(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String || !IsoDuration.TryParse(element.GetString(), out var duration))
            throw new PolicyException(path, $"'{element}' is not an ISO 8601 duration of days, hours, minutes or seconds (e.g. PT48H).");
        return duration;
    }

    private static List<TimeSpan> Offsets(JsonElement parent, string name, string path, TimeSpan deadline)
    {
        var offsets = new List<TimeSpan>();
        if (!parent.TryGetProperty(name, out var array)) return offsets;
        if (array.ValueKind != JsonValueKind.Array) throw new PolicyException(path, "must be a JSON array of durations.");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            var offset = Duration(item, itemPath);
            if (offset <= TimeSpan.Zero || offset >= deadline)
                throw new PolicyException(itemPath, "must fall after intake and before the deadline.");
            offsets.Add(offset);
        }
        return offsets;
    }
}
