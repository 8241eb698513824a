namespace DurableVulns.Domain.Policy;

/// <summary>
/// The reviewers' clock: how long MIIT and MPS have to decide, and when reminders and the
/// escalation to the PSIRT go out, each measured from the request.
/// </summary>
public sealed record ReviewPolicy(TimeSpan ReviewTimeout, IReadOnlyList<TimeSpan> Reminders, IReadOnlyList<TimeSpan> Escalations)
{
    /// <summary>Seven days to decide, reminders after two and five, an escalation after six.</summary>
    public static ReviewPolicy Default { get; } = new(TimeSpan.FromDays(7), [TimeSpan.FromDays(2), TimeSpan.FromDays(5)], [TimeSpan.FromDays(6)]);
}
