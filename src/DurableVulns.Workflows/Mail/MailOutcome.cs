namespace DurableVulns.Workflows.Mail;

/// <summary>What <see cref="MailDispatcher.SendOnceAsync"/> did with a message.</summary>
public enum MailOutcome
{
    /// <summary>Sent now.</summary>
    Sent,

    /// <summary>Sent before, by an earlier attempt of the same activity; not sent again.</summary>
    SentBefore,

    /// <summary>It had no recipients.</summary>
    NoRecipients,

    /// <summary>The mail service refused it for good; the case's audit trail says so.</summary>
    Refused,
}
