namespace DurableVulns.Domain.Rules;

/// <summary>What happens at a step of a clock; <see cref="Deadline"/> is always the last.</summary>
public enum ClockStepKind
{
    Reminder,
    Escalation,
    Deadline,
}
