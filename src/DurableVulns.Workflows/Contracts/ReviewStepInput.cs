using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Workflows.Contracts;

/// <summary>A reminder or escalation of a review, naming the roles that have not decided yet.</summary>
public sealed record ReviewStepInput(ReviewInput Review, ClockStep Step, IReadOnlyList<ReviewerRole> PendingRoles);
