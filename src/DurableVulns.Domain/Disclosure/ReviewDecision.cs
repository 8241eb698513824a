namespace DurableVulns.Domain.Disclosure;

/// <summary>One reviewer's decision, as given through an approval link.</summary>
public sealed record ReviewDecision(ReviewerRole Role, string Reviewer, bool Approved, DateTime AtUtc);
