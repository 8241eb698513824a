using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Contracts;

/// <summary>How a review ended, with the decisions given before it did.</summary>
public sealed record ReviewOutcome(ReviewState State, IReadOnlyList<ReviewDecision> Decisions);
