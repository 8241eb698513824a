namespace DurableVulns.Domain.Disclosure;

/// <summary>An early-disclosure request and its review by MIIT and MPS.</summary>
public sealed record DisclosureRecord(
    string RequestId,
    DisclosureRequest Request,
    DateTime RequestedAtUtc,
    ReviewState State,
    ReviewDecision? Miit = null,
    ReviewDecision? Mps = null,
    DateTime? DecidedAtUtc = null)
{
    public ReviewDecision? DecisionOf(ReviewerRole role) => role == ReviewerRole.MIIT ? Miit : Mps;
}
