namespace DurableVulns.Api;

/// <summary>Configuration section <c>DurableVulns</c> as the HTTP API reads it.</summary>
public sealed class ApiOptions
{
    public const string Section = "DurableVulns";

    /// <summary>The key PSIRT callers send as <c>X-Api-Key</c>. With none set, every PSIRT call is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Path of the workflow policy file.</summary>
    public string PolicyFile { get; set; } = "workflows/rmsv-2021.policy.json";

    /// <summary>How long a PSIRT action waits to see the case apply it before answering 202.</summary>
    public TimeSpan ActionWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Intake requests one client address may make per minute (Art. 5 keeps the channel open, not unlimited).</summary>
    public int IntakePermitsPerMinute { get; set; } = 120;

    /// <summary>Approval-page requests (GET and POST) one client address may make per minute: tokens are not for guessing.</summary>
    public int ApprovalPermitsPerMinute { get; set; } = 30;
}
