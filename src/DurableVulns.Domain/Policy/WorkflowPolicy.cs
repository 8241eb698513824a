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
    ActivityRetryPolicy? ActivityRetry = null,
    TimeSpan? SentMailRetention = null,
    TimeSpan? IdempotencyKeyRetention = null)
{
    /// <summary>How long a sent or refused message's row in the sent-mail log is kept when the policy says nothing.</summary>
    public static readonly TimeSpan DefaultSentMailRetention = TimeSpan.FromDays(30);

    /// <summary>How long an intake Idempotency-Key keeps its case when the policy says nothing.</summary>
    public static readonly TimeSpan DefaultIdempotencyKeyRetention = TimeSpan.FromDays(7);

    /// <summary>
    /// How long the engine keeps a finished case's workflow history. Cases and their audit live in
    /// our own tables, so the history is only for diagnosis; purging it keeps the backend fast.
    /// </summary>
    [JsonIgnore]
    public TimeSpan HistoryRetention => CompletedHistoryRetention ?? TimeSpan.FromDays(7);

    /// <summary>
    /// How long the sent-mail log keeps a message that was sent or refused. The row only stops a
    /// retried step from sending the message again, and a step is retried only until it finishes.
    /// </summary>
    [JsonIgnore]
    public TimeSpan SentMailKept => SentMailRetention ?? DefaultSentMailRetention;

    /// <summary>How long a retried intake request with the same Idempotency-Key gets the same case.</summary>
    [JsonIgnore]
    public TimeSpan IdempotencyKeysKept => IdempotencyKeyRetention ?? DefaultIdempotencyKeyRetention;

    /// <summary>How failed activities are retried, the default when the policy says nothing.</summary>
    [JsonIgnore]
    public ActivityRetryPolicy Retry => ActivityRetry ?? ActivityRetryPolicy.Default;

    /// <summary>The reviewers' clock, the default one when the policy names none.</summary>
    [JsonIgnore]
    public ReviewPolicy Review => EarlyDisclosure ?? ReviewPolicy.Default;

    /// <summary>The blackout window <paramref name="instant"/> falls in, if any.</summary>
    public BlackoutWindow? BlackoutAt(DateTimeOffset instant) => BlackoutWindow.At(Blackouts, instant);
}
