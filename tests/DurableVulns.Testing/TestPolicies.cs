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

    /// <summary>A clock that never fires during a test.</summary>
    public const string SlowClock = """
        { "version": "test-slow", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT48H", "reminders": ["PT24H","PT36H"], "escalations": ["PT44H"] },
          "intakeLogRetention": "P183D" }
        """;

    /// <summary>A reminder at 8 s, an escalation at 10 s, the deadline at 12 s: time to kill a host first.</summary>
    public const string RestartClock = """
        { "version": "test-restart", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "PT12S", "reminders": ["PT8S"], "escalations": ["PT10S"] },
          "intakeLogRetention": "P183D" }
        """;
}
