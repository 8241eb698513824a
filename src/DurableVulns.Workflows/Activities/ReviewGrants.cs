using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Activities;

/// <summary>The approval grant of one reviewer on one review: it expires with the review.</summary>
public static class ReviewGrants
{
    public static ApprovalGrant For(ReviewInput review, ReviewerRole role, string reviewer) => new(
        review.CaseId,
        review.ReviewId,
        review.Kind,
        ReviewInput.InstanceIdFor(review.CaseId, review.ReviewId),
        EventNames.Approval(role, review.ReviewId),
        role,
        reviewer,
        review.ExpiresAtUtc);
}
