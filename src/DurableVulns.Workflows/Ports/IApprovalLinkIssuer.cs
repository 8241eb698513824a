namespace DurableVulns.Workflows.Ports;

/// <summary>Issues approval links for reviewers and ends reviews (used by the workflows).</summary>
public interface IApprovalLinkIssuer
{
    /// <summary>Creates an approve and a reject token for the grant; only their hashes are stored.</summary>
    Task<ApprovalLinks> IssueAsync(ApprovalGrant grant, CancellationToken cancellationToken = default);

    /// <summary>Ends a review: links of it that were not used now answer that the review is over.</summary>
    Task CloseReviewAsync(string reviewId, CancellationToken cancellationToken = default);
}
