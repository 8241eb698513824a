using DurableVulns.Domain.Policy;

namespace DurableVulns.Domain.Rules;

/// <summary>
/// Art. 7(2) arithmetic: the deadline counts from intake (the moment the provider learns of
/// the vulnerability), and reminders and escalations are offsets from that same instant.
/// </summary>
public static class MiitClock
{
    /// <summary>The submission deadline for a report received at <paramref name="receivedAtUtc"/>.</summary>
    public static DateTime Deadline(DateTime receivedAtUtc, MiitSubmissionPolicy policy) =>
        UtcTime.AsUtc(receivedAtUtc) + policy.Deadline;

    /// <summary>Every step of the clock in the order it fires; the deadline is last.</summary>
    public static IReadOnlyList<ClockStep> Steps(DateTime receivedAtUtc, MiitSubmissionPolicy policy) =>
        Ladder(receivedAtUtc, policy.Reminders, policy.Escalations, policy.Deadline);

    /// <summary>
    /// Reminders and escalations at offsets from <paramref name="startUtc"/>, ordered by due time,
    /// then the deadline last. Reviewers' clocks use the same ladder.
    /// </summary>
    public static IReadOnlyList<ClockStep> Ladder(
        DateTime startUtc, IReadOnlyList<TimeSpan> reminders, IReadOnlyList<TimeSpan> escalations, TimeSpan deadline)
    {
        var start = UtcTime.AsUtc(startUtc);
        var steps = reminders.Select((offset, i) => new ClockStep(ClockStepKind.Reminder, i, start + offset))
            .Concat(escalations.Select((offset, i) => new ClockStep(ClockStepKind.Escalation, i, start + offset)))
            .OrderBy(step => step.DueAtUtc)
            .ThenBy(step => step.Kind)
            .ToList();
        steps.Add(new ClockStep(ClockStepKind.Deadline, 0, start + deadline));
        return steps;
    }
}
