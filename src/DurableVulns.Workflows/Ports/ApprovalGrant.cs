using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Ports;

/// <summary>
/// What an approval link lets one reviewer do: decide, for one role, on one review of one case,
/// until it expires. Redeeming it raises <see cref="EventName"/> on <see cref="InstanceId"/>.
/// </summary>
public sealed record ApprovalGrant(
    string CaseId,
    string ReviewId,
    ReviewKind Kind,
    string InstanceId,
    string EventName,
    ReviewerRole Role,
    string Reviewer,
    DateTime ExpiresAtUtc);
