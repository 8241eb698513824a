using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Contracts;

/// <summary>A reviewer's decision to record on the case.</summary>
public sealed record ReviewDecisionInput(ReviewInput Review, ReviewDecision Decision);
