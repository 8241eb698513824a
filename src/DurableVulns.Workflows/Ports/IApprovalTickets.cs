namespace DurableVulns.Workflows.Ports;

/// <summary>Checks and redeems approval tokens (used by the approval pages).</summary>
public interface IApprovalTickets
{
    /// <summary>What the token stands for and whether it can be used; changes nothing.</summary>
    Task<ApprovalCheck> CheckAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses the token once: marks it used and claims its role's decision on the review, both
    /// atomically against concurrent redeems. Only a <see cref="ApprovalTokenStatus.Valid"/> answer changed anything.
    /// </summary>
    Task<ApprovalCheck> RedeemAsync(string token, CancellationToken cancellationToken = default);
}
