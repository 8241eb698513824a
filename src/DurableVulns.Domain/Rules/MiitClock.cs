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
        AsUtc(receivedAtUtc) + policy.Deadline;

    /// <summary>Every step of the clock in the order it fires; the deadline is last.</summary>
    public static IReadOnlyList<MiitClockStep> Steps(DateTime receivedAtUtc, MiitSubmissionPolicy policy)
    {
        var start = AsUtc(receivedAtUtc);
        var steps = policy.Reminders.Select((offset, i) => new MiitClockStep(MiitClockStepKind.Reminder, i, start + offset))
            .Concat(policy.Escalations.Select((offset, i) => new MiitClockStep(MiitClockStepKind.Escalation, i, start + offset)))
            .OrderBy(step => step.DueAtUtc)
            .ThenBy(step => step.Kind)
            .ToList();
        steps.Add(new MiitClockStep(MiitClockStepKind.Deadline, 0, Deadline(start, policy)));
        return steps;
    }

    // Instants are stored and passed as UTC; a value without a kind is read as UTC too, never
    // as the host's local time (which would move a deadline by the host's offset).
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
