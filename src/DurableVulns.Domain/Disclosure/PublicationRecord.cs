namespace DurableVulns.Domain.Disclosure;

/// <summary>
/// A publication of a case's advisory. Inside a blackout window it is held for MPS consent
/// (Art. 9(6)); <see cref="Consent"/> is that review.
/// </summary>
public sealed record PublicationRecord(
    string PublicationId,
    Advisory Advisory,
    DateTime RequestedAtUtc,
    string? Blackout = null,
    ReviewState? Consent = null,
    ReviewDecision? MpsDecision = null,
    DateTime? PublishedAtUtc = null);
