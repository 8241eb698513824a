using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// What an approval token's signed payload says. <see cref="ReviewerTag"/> is a keyed hash of the
/// reviewer's address, so that a leaked link does not carry the address itself.
/// </summary>
public sealed record ApprovalTokenClaims(
    byte[] Nonce,
    string CaseId,
    string ReviewId,
    ReviewerRole Role,
    byte[] ReviewerTag,
    bool Approve,
    long ExpiresAtUnixSeconds)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnixSeconds);
}
