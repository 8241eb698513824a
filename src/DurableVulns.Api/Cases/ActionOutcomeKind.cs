namespace DurableVulns.Api.Cases;

/// <summary>How a PSIRT action ended, from the caller's side.</summary>
public enum ActionOutcomeKind
{
    /// <summary>The body has invalid fields; nothing was sent.</summary>
    Invalid,

    /// <summary>No such case.</summary>
    NotFound,

    /// <summary>The case, its stage or the Art. 9 gate refused the action.</summary>
    Refused,

    /// <summary>The case's workflow has not started yet; nothing was sent, try again shortly.</summary>
    NotRunning,

    /// <summary>Sent, but not yet applied when the wait ended.</summary>
    Queued,

    /// <summary>The orchestration applied the action.</summary>
    Applied,
}
