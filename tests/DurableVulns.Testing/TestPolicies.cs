namespace DurableVulns.Testing;

/// <summary>Workflow policies of seconds, so that tests run the MIIT clock in real time.</summary>
public static class TestPolicies
{
    /// <summary>Reminders at 2 s and 4 s, an escalation at 6 s, the deadline at 8 s.</summary>
    public const string FastClock = """
        { "version": "test-fast", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT8S", "reminders": ["PT2S","PT4S"], "escalations": ["PT6S"] },
          "intakeLogRetention": "P183D" }
        """;

    /// <summary>A first reminder at 2 s, then a gap: the rest from 14 s, the deadline at 18 s.</summary>
    public const string GappedClock = """
        { "version": "test-gapped", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT18S", "reminders": ["PT2S","PT14S"], "escalations": ["PT16S"] },
          "intakeLogRetention": "P183D" }
        """;

    /// <summary>
    /// A MIIT clock that never fires during a test, and a reviewers' clock of seconds: a reminder
    /// at 4 s, an escalation at 6 s, the review timing out at 10 s.
    /// </summary>
    public const string SlowClock = """
        { "version": "test-slow", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H","PT36H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D",
          "earlyDisclosure": { "reviewTimeout": "PT10S", "reminders": ["PT4S"], "escalations": ["PT6S"] } }
        """;

    /// <summary>The slow clock and a review that does not time out during a test (two minutes).</summary>
    public const string LongReview = """
        { "version": "test-long-review", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H","PT36H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D",
          "earlyDisclosure": { "reviewTimeout": "PT120S" } }
        """;

    /// <summary>The slow clock, a review timing out after a minute, and a national-event blackout around now.</summary>
    public static string Blackout() => $$"""
        { "version": "test-blackout", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D",
          "earlyDisclosure": { "reviewTimeout": "PT60S" },
          "blackouts": [ { "name": "测试重大活动 Test national event", "from": "{{DateTimeOffset.UtcNow.AddDays(-1):O}}", "to": "{{DateTimeOffset.UtcNow.AddDays(1):O}}" } ] }
        """;

    /// <summary>The slow clock, and failed activities retried after 0.05 s, doubling to at most 0.2 s apart.</summary>
    public const string QuickRetry = """
        { "version": "test-quick-retry", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H","PT36H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D",
          "activityRetry": { "firstInterval": "PT0.05S", "maxInterval": "PT0.2S" } }
        """;

    /// <summary>The fast clock, and failed activities retried after 0.1 s, doubling to at most 0.5 s apart.</summary>
    public const string FastClockQuickRetry = """
        { "version": "test-fast-quick-retry", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT8S", "reminders": ["PT2S","PT4S"], "escalations": ["PT6S"] },
          "intakeLogRetention": "P183D",
          "activityRetry": { "firstInterval": "PT0.1S", "maxInterval": "PT0.5S" } }
        """;

    /// <summary>A reminder at 8 s, an escalation at 10 s, the deadline at 12 s: time to kill a host first.</summary>
    public const string RestartClock = """
        { "version": "test-restart", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT12S", "reminders": ["PT8S"], "escalations": ["PT10S"] },
          "intakeLogRetention": "P183D" }
        """;
}
