namespace DurableVulns.Domain.Rules;

/// <summary>
/// One step of a clock: the Art. 7(2) MIIT clock or a reviewers' clock. <see cref="Ordinal"/> counts steps of the same kind
/// (the first reminder is 0), so that each step has a stable key for idempotent sends.
/// </summary>
public sealed record ClockStep(ClockStepKind Kind, int Ordinal, DateTime DueAtUtc)
{
    /// <summary>A key unique within its clock, e.g. <c>Reminder-1</c>.</summary>
    public string Key => $"{Kind}-{Ordinal}";
}
