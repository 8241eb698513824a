namespace DurableVulns.Workflows.Contracts;

/// <summary>A finished review's outcome to record on the case.</summary>
public sealed record ReviewOutcomeInput(ReviewInput Review, ReviewOutcome Outcome);
