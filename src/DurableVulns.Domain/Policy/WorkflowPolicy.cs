using System.Text.Json.Serialization;

namespace DurableVulns.Domain.Policy;

/// <summary>
/// The workflow policy a case runs under. A case keeps the policy it started with, so
/// this record travels as orchestration input and must stay serialisable.
/// </summary>
public sealed record WorkflowPolicy(
    string Version,
    string TimeZone,
    MiitSubmissionPolicy MiitSubmission,
    TimeSpan IntakeLogRetention,
    ReviewPolicy? EarlyDisclosure = null,
    IReadOnlyList<BlackoutWindow>? Blackouts = null,
    TimeSpan? CompletedHistoryRetention = null,
    ActivityRetryPolicy? ActivityRetry = null)
{
    /// <summary>
    /// How long the engine keeps a finished case's workflow history. Cases and their audit live in
    /// our own tables, so the history is only for diagnosis; purging it keeps the backend fast.
    /// </summary>
    [JsonIgnore]
    public TimeSpan HistoryRetention => CompletedHistoryRetention ?? TimeSpan.FromDays(7);

    /// <summary>How failed activities are retried, the default when the policy says nothing.</summary>
    [JsonIgnore]
    public ActivityRetryPolicy Retry => ActivityRetry ?? ActivityRetryPolicy.Default;

    /// <summary>The reviewers' clock, the default one when the policy names none.</summary>
    [JsonIgnore]
    public ReviewPolicy Review => EarlyDisclosure ?? ReviewPolicy.Default;

    /// <summary>The blackout window <paramref name="instant"/> falls in, if any.</summary>
    public BlackoutWindow? BlackoutAt(DateTimeOffset instant) => Blackouts?.FirstOrDefault(b => b.Contains(instant));
}
