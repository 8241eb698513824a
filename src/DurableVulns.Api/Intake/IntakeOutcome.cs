using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Api.Intake;

/// <summary>
/// The end of one intake: the case (<see cref="Case"/>, new or found again by its idempotency key),
/// the field errors of an invalid report, or <see cref="IdempotencyMismatch"/>.
/// </summary>
public sealed record IntakeOutcome
{
    public CaseRecord? Case { get; init; }

    public FieldErrors? Errors { get; init; }

    /// <summary>The idempotency key was used before with a different report.</summary>
    public bool IdempotencyMismatch { get; init; }
}
