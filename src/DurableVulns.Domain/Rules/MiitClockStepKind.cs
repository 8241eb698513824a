namespace DurableVulns.Domain.Rules;

/// <summary>What happens at a step of the MIIT clock.</summary>
public enum MiitClockStepKind
{
    Reminder,
    Escalation,
    Deadline,
}
