namespace DurableVulns.Workflows.Ports;

/// <summary>Why an approval token can or cannot be used.</summary>
public enum ApprovalTokenStatus
{
    /// <summary>Genuine, unexpired, unused, and its role's decision is still open.</summary>
    Valid,

    /// <summary>Malformed, forged, tampered with, or unknown.</summary>
    Invalid,

    Expired,

    /// <summary>This token was used already (single use).</summary>
    Used,

    /// <summary>Another link already decided for this role on this review.</summary>
    AlreadyDecided,

    /// <summary>The review ended (rejected, timed out, approved) before this link was used.</summary>
    ReviewClosed,

    /// <summary>The reviewer is no longer configured for the token's role.</summary>
    NotAReviewer,
}
