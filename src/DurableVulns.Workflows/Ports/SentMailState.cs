namespace DurableVulns.Workflows.Ports;

/// <summary>What the sent-mail log knows of a logical message.</summary>
public enum SentMailState
{
    NotSent,

    /// <summary>A send failed (an outage) and none has succeeded yet.</summary>
    Delayed,

    Sent,

    /// <summary>Sent after at least one failed send.</summary>
    SentAfterDelay,

    /// <summary>Refused for good by the mail service: a dead letter, not to be sent again.</summary>
    Refused,
}
