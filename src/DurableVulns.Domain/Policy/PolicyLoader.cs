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

    /// <summary>
    /// The shortest sent-mail and Idempotency-Key retention: a week, so that a step retried through
    /// an outage does not send a message it sent before the outage again, and a client retrying a
    /// report does not file it twice.
    /// </summary>
    public static readonly TimeSpan MinimumKeyRetention = TimeSpan.FromDays(7);

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

            TimeSpan? historyRetention = root.TryGetProperty("completedHistoryRetention", out _)
                ? RequiredDuration(root, "completedHistoryRetention", "completedHistoryRetention")
                : null;
            return new WorkflowPolicy(version, timeZone, new MiitSubmissionPolicy(deadline, reminders, escalations), retention,
                EarlyDisclosure(root), Blackouts(root), historyRetention, ActivityRetry(root),
                KeyRetention(root, "sentMailRetention"), KeyRetention(root, "idempotencyKeyRetention"));
        }
    }

    // Optional: without it the policy's default applies.
    private static TimeSpan? KeyRetention(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out _)) return null;
        var retention = RequiredDuration(root, name, name);
        if (retention < MinimumKeyRetention) throw new PolicyException(name, "must be at least P7D.");
        return retention;
    }

    // Optional: without it activities retry on ActivityRetryPolicy.Default.
    private static ActivityRetryPolicy? ActivityRetry(JsonElement root)
    {
        if (!root.TryGetProperty("activityRetry", out _)) return null;
        var retry = Required(root, "activityRetry", "activityRetry", JsonValueKind.Object);
        var first = RequiredDuration(retry, "firstInterval", "activityRetry.firstInterval");
        if (first <= TimeSpan.Zero) throw new PolicyException("activityRetry.firstInterval", "must be longer than zero.");
        var max = RequiredDuration(retry, "maxInterval", "activityRetry.maxInterval");
        if (max < first) throw new PolicyException("activityRetry.maxInterval", "must not be shorter than firstInterval.");
        return new ActivityRetryPolicy(first, max);
    }

    // Optional: without it reviews run on ReviewPolicy.Default.
    private static ReviewPolicy? EarlyDisclosure(JsonElement root)
    {
        if (!root.TryGetProperty("earlyDisclosure", out _)) return null;
        var review = Required(root, "earlyDisclosure", "earlyDisclosure", JsonValueKind.Object);
        var timeout = RequiredDuration(review, "reviewTimeout", "earlyDisclosure.reviewTimeout");
        if (timeout <= TimeSpan.Zero) throw new PolicyException("earlyDisclosure.reviewTimeout", "must be longer than zero.");
        return new ReviewPolicy(timeout,
            Offsets(review, "reminders", "earlyDisclosure.reminders", timeout),
            Offsets(review, "escalations", "earlyDisclosure.escalations", timeout));
    }

    private static List<BlackoutWindow> Blackouts(JsonElement root)
    {
        var windows = new List<BlackoutWindow>();
        if (!root.TryGetProperty("blackouts", out _)) return windows;
        var index = 0;
        foreach (var item in Required(root, "blackouts", "blackouts", JsonValueKind.Array).EnumerateArray())
        {
            var path = $"blackouts[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) throw new PolicyException(path, "must be an object with name, from and to.");
            var name = RequiredString(item, "name", path + ".name");
            var from = Instant(item, "from", path + ".from");
            var to = Instant(item, "to", path + ".to");
            if (to <= from) throw new PolicyException(path + ".to", "must be after from.");
            windows.Add(new BlackoutWindow(name, from, to));
        }
        return windows;
    }

    // An instant with an explicit offset, such as 2026-10-01T00:00:00+08:00: a blackout must not
    // move with the time zone of the machine that reads the file.
    private static DateTimeOffset Instant(JsonElement parent, string name, string path)
    {
        var text = RequiredString(parent, name, path);
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-][0-9]{2}:[0-9]{2}$");
        if (!hasOffset || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
            throw new PolicyException(path, $"'{text}' is not an ISO 8601 date and time with an offset (e.g. 2026-10-01T00:00:00+08:00).");
        return instant;
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
