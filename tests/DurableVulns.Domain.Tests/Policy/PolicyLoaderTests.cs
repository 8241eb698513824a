using System.Text.Json.Nodes;
using DurableVulns.Domain.Policy;

namespace DurableVulns.Domain.Tests.Policy;

public sealed class PolicyLoaderTests
{
    private const string ValidPolicy = """
        {
          "version": "test.1",
          "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H", "PT36H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D"
        }
        """;

    [Fact]
    public void LoadFile_ShippedPolicy_HasRmsv2021Values()
    {
        // Arrange
        var path = Samples.ShippedPolicyPath;

        // Act
        var policy = PolicyLoader.LoadFile(path);

        // Assert
        Assert.Equal("rmsv-2021.2", policy.Version);
        Assert.Equal("Asia/Shanghai", policy.TimeZone);
        Assert.Equal(TimeSpan.FromHours(48), policy.MiitSubmission.Deadline);
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(36)], policy.MiitSubmission.Reminders);
        Assert.Equal([TimeSpan.FromHours(44)], policy.MiitSubmission.Escalations);
        Assert.Equal(TimeSpan.FromDays(183), policy.IntakeLogRetention);
        Assert.Equal(ActivityRetryPolicy.Default, policy.ActivityRetry);
        Assert.Equal(TimeSpan.FromDays(30), policy.SentMailRetention);
        Assert.Equal(TimeSpan.FromDays(7), policy.IdempotencyKeyRetention);
    }

    [Fact]
    public void LoadFile_ShippedPolicy_DeclaresItsSchema()
    {
        // Arrange
        var text = File.ReadAllText(Samples.ShippedPolicyPath);

        // Act
        var schema = JsonNode.Parse(text)!["$schema"]?.GetValue<string>();

        // Assert
        Assert.Equal("./policy.schema.json", schema);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsNamingFile()
    {
        // Arrange
        var path = Path.Combine(AppContext.BaseDirectory, "no-such.policy.json");

        // Act
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.LoadFile(path));

        // Assert
        Assert.Equal("(file)", exception.Key);
    }

    [Fact]
    public void Parse_UnknownMembersAndComments_AreIgnored()
    {
        // Arrange
        var json = """
            {
              // the schema hint and policy keys not yet used are tolerated
              "$schema": "./policy.schema.json",
              "version": "test.1",
              "timeZone": "Asia/Shanghai",
              "miitSubmission": { "deadline": "PT48H" },
              "intakeLogRetention": "P183D",
              "bountyProgramme": { "enabled": true }
            }
            """;

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal("test.1", policy.Version);
    }

    [Fact]
    public void Parse_EarlyDisclosureAndBlackouts_ReadsReviewClockAndWindows()
    {
        // Arrange
        var json = """
            { "version": "t", "timeZone": "Asia/Shanghai", "miitSubmission": { "deadline": "PT48H" }, "intakeLogRetention": "P183D",
              "earlyDisclosure": { "reviewTimeout": "P7D", "reminders": ["P2D","P5D"], "escalations": ["P6D"] },
              "blackouts": [ { "name": "国庆 National Day", "from": "2026-10-01T00:00:00+08:00", "to": "2026-10-08T00:00:00+08:00" } ] }
            """;

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromDays(7), policy.Review.ReviewTimeout);
        Assert.Equal([TimeSpan.FromDays(2), TimeSpan.FromDays(5)], policy.Review.Reminders);
        Assert.Equal([TimeSpan.FromDays(6)], policy.Review.Escalations);
        var window = Assert.Single(policy.Blackouts!);
        Assert.Equal("国庆 National Day", window.Name);
        Assert.Equal(window, policy.BlackoutAt(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Null(policy.BlackoutAt(new DateTimeOffset(2026, 10, 7, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Parse_NoEarlyDisclosure_UsesDefaultReviewClock()
    {
        // Arrange
        var json = """{ "version": "t", "timeZone": "Asia/Shanghai", "miitSubmission": { "deadline": "PT48H" }, "intakeLogRetention": "P183D" }""";

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(ReviewPolicy.Default, policy.Review);
        Assert.Null(policy.BlackoutAt(DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("""{ "timeout": "P7D" }""", "[]", "earlyDisclosure.reviewTimeout")]
    [InlineData("""{ "reviewTimeout": "P7D", "reminders": ["P8D"] }""", "[]", "earlyDisclosure.reminders[0]")]
    [InlineData("""{ "reviewTimeout": "P7D" }""", """[ { "name": "x", "from": "2026-10-01T00:00:00", "to": "2026-10-08T00:00:00+08:00" } ]""", "blackouts[0].from")]
    [InlineData("""{ "reviewTimeout": "P7D" }""", """[ { "name": "x", "from": "2026-10-08T00:00:00+08:00", "to": "2026-10-01T00:00:00+08:00" } ]""", "blackouts[0].to")]
    [InlineData("""{ "reviewTimeout": "P7D" }""", """[ { "from": "2026-10-01T00:00:00Z", "to": "2026-10-08T00:00:00Z" } ]""", "blackouts[0].name")]
    [InlineData("""{ "reviewTimeout": "P7D" }""", """{}""", "blackouts")]
    public void Parse_BadReviewClockOrBlackout_ThrowsNamingTheKey(string earlyDisclosure, string blackouts, string key)
    {
        // Arrange
        var json = $$"""
            { "version": "t", "timeZone": "Asia/Shanghai", "miitSubmission": { "deadline": "PT48H" }, "intakeLogRetention": "P183D",
              "earlyDisclosure": {{earlyDisclosure}}, "blackouts": {{blackouts}} }
            """;

        // Act
        var ex = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json));

        // Assert
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void Parse_ActivityRetry_ReadsIntervals()
    {
        // Arrange
        var json = With("activityRetry", """{ "firstInterval": "PT0.5S", "maxInterval": "PT2M" }""");

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(new ActivityRetryPolicy(TimeSpan.FromSeconds(0.5), TimeSpan.FromMinutes(2)), policy.Retry);
    }

    [Fact]
    public void Parse_NoActivityRetry_UsesDefaultIntervals()
    {
        // Arrange
        var json = ValidPolicy;

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Null(policy.ActivityRetry);
        Assert.Equal(ActivityRetryPolicy.Default, policy.Retry);
    }

    [Theory]
    [InlineData("""{ "maxInterval": "PT5M" }""", "activityRetry.firstInterval")]
    [InlineData("""{ "firstInterval": "PT0S", "maxInterval": "PT5M" }""", "activityRetry.firstInterval")]
    [InlineData("""{ "firstInterval": "1s", "maxInterval": "PT5M" }""", "activityRetry.firstInterval")]
    [InlineData("""{ "firstInterval": "PT1S" }""", "activityRetry.maxInterval")]
    [InlineData("""{ "firstInterval": "PT10S", "maxInterval": "PT5S" }""", "activityRetry.maxInterval")]
    [InlineData("""["PT1S", "PT5M"]""", "activityRetry")]
    public void Parse_BadActivityRetry_ThrowsNamingTheKey(string activityRetry, string key)
    {
        // Arrange
        var json = With("activityRetry", activityRetry);

        // Act
        var ex = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json));

        // Assert
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void Parse_KeyRetentions_ReadsBoth()
    {
        // Arrange
        var root = JsonNode.Parse(ValidPolicy)!.AsObject();
        root["sentMailRetention"] = "P90D";
        root["idempotencyKeyRetention"] = "P8D";
        var json = root.ToJsonString();

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromDays(90), policy.SentMailKept);
        Assert.Equal(TimeSpan.FromDays(8), policy.IdempotencyKeysKept);
    }

    [Fact]
    public void Parse_NoKeyRetentions_UsesDefaults()
    {
        // Arrange
        var json = ValidPolicy;

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromDays(30), policy.SentMailKept);
        Assert.Equal(TimeSpan.FromDays(7), policy.IdempotencyKeysKept);
    }

    [Theory]
    [InlineData("sentMailRetention", "\"P6DT23H59M\"")]
    [InlineData("sentMailRetention", "\"P0D\"")]
    [InlineData("sentMailRetention", "\"30 days\"")]
    [InlineData("idempotencyKeyRetention", "\"P1D\"")]
    [InlineData("idempotencyKeyRetention", "7")]
    public void Parse_BadKeyRetention_ThrowsNamingTheKey(string key, string value)
    {
        // Arrange
        var json = With(key, value);

        // Act
        var ex = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json));

        // Assert
        Assert.Equal(key, ex.Key);
    }

    [Fact]
    public void Parse_KeyRetentionOfAWeek_IsAccepted()
    {
        // Arrange
        var json = With("sentMailRetention", "\"P7D\"");

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromDays(7), policy.SentMailKept);
    }

    [Fact]
    public void Parse_NoRemindersOrEscalations_HasEmptyLists()
    {
        // Arrange
        var json = With("miitSubmission", """{ "deadline": "P2D" }""");

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromHours(48), policy.MiitSubmission.Deadline);
        Assert.Empty(policy.MiitSubmission.Reminders);
        Assert.Empty(policy.MiitSubmission.Escalations);
    }

    [Theory]
    [InlineData("P183D", 183)]
    [InlineData("P27W", 189)]
    [InlineData("P365DT12H", 365.5)]
    public void Parse_RetentionOfSixMonthsOrMore_IsAccepted(string retention, double expectedDays)
    {
        // Arrange
        var json = With("intakeLogRetention", $"\"{retention}\"");

        // Act
        var policy = PolicyLoader.Parse(json);

        // Assert
        Assert.Equal(TimeSpan.FromDays(expectedDays), policy.IntakeLogRetention);
    }

    [Theory]
    [InlineData("version", null, "version")]
    [InlineData("version", "1", "version")]
    [InlineData("version", "\"  \"", "version")]
    [InlineData("timeZone", null, "timeZone")]
    [InlineData("timeZone", "\"Mars/Olympus_Mons\"", "timeZone")]
    [InlineData("timeZone", "\"+08:00\"", "timeZone")]
    [InlineData("timeZone", "8", "timeZone")]
    [InlineData("miitSubmission", null, "miitSubmission")]
    [InlineData("miitSubmission", "\"PT48H\"", "miitSubmission")]
    [InlineData("miitSubmission.deadline", null, "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "\"48 hours\"", "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "\"P1M\"", "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "\"P2Y\"", "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "\"-PT48H\"", "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "\"PT0S\"", "miitSubmission.deadline")]
    [InlineData("miitSubmission.deadline", "48", "miitSubmission.deadline")]
    [InlineData("miitSubmission.reminders", "\"PT24H\"", "miitSubmission.reminders")]
    [InlineData("miitSubmission.reminders", "{ \"first\": \"PT24H\" }", "miitSubmission.reminders")]
    [InlineData("miitSubmission.reminders", "[\"PT24H\", \"PT48H\"]", "miitSubmission.reminders[1]")]
    [InlineData("miitSubmission.reminders", "[\"PT24H\", \"PT49H\"]", "miitSubmission.reminders[1]")]
    [InlineData("miitSubmission.reminders", "[\"PT24H\", \"PT36H\", \"P1M\"]", "miitSubmission.reminders[2]")]
    [InlineData("miitSubmission.reminders", "[\"PT0S\"]", "miitSubmission.reminders[0]")]
    [InlineData("miitSubmission.reminders", "[\"PT24H\", 36]", "miitSubmission.reminders[1]")]
    [InlineData("miitSubmission.reminders", "[null]", "miitSubmission.reminders[0]")]
    [InlineData("miitSubmission.escalations", "\"PT44H\"", "miitSubmission.escalations")]
    [InlineData("miitSubmission.escalations", "[\"PT44H\", \"P2D\"]", "miitSubmission.escalations[1]")]
    [InlineData("miitSubmission.escalations", "[\"44h\"]", "miitSubmission.escalations[0]")]
    [InlineData("intakeLogRetention", null, "intakeLogRetention")]
    [InlineData("intakeLogRetention", "\"P182D\"", "intakeLogRetention")]
    [InlineData("intakeLogRetention", "\"P26W\"", "intakeLogRetention")]
    [InlineData("intakeLogRetention", "\"P6M\"", "intakeLogRetention")]
    [InlineData("intakeLogRetention", "\"P1Y\"", "intakeLogRetention")]
    [InlineData("intakeLogRetention", "183", "intakeLogRetention")]
    public void Parse_MalformedKey_ThrowsNamingKey(string path, string? json, string expectedKey)
    {
        // Arrange
        var policy = With(path, json);

        // Act
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(policy));

        // Assert
        Assert.Equal(expectedKey, exception.Key);
        Assert.Contains($"'{expectedKey}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"version\": \"test.1\", }")]
    [InlineData("version: test.1")]
    [InlineData("[]")]
    [InlineData("\"PT48H\"")]
    [InlineData("null")]
    public void Parse_NotAJsonObject_ThrowsNamingDocument(string json)
    {
        // Arrange
        // (the input is the whole document)

        // Act
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json));

        // Assert
        Assert.Equal("(document)", exception.Key);
    }

    [Fact]
    public void Parse_FullwidthDigitsInDeadline_ThrowsNamingDeadline()
    {
        // Arrange
        var json = With("miitSubmission.deadline", "\"PT\uFF14\uFF18H\"");

        // Act
        var exception = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json));

        // Assert
        Assert.Equal("miitSubmission.deadline", exception.Key);
    }

    // The valid policy with the member at a dotted path replaced by raw JSON, or removed when json is null.
    private static string With(string path, string? json)
    {
        var root = JsonNode.Parse(ValidPolicy)!.AsObject();
        var names = path.Split('.');
        var parent = root;
        foreach (var name in names[..^1]) parent = parent[name]!.AsObject();
        if (json is null) parent.Remove(names[^1]);
        else parent[names[^1]] = JsonNode.Parse(json);
        return root.ToJsonString();
    }
}
