namespace DurableVulns.Domain.Policy;

/// <summary>
/// The Art. 7(2) clock: the deadline, and the reminder and escalation offsets,
/// each measured from intake.
/// </summary>
public sealed record MiitSubmissionPolicy(
    TimeSpan Deadline,
    IReadOnlyList<TimeSpan> Reminders,
    IReadOnlyList<TimeSpan> Escalations);
