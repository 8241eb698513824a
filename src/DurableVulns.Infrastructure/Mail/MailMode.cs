namespace DurableVulns.Infrastructure.Mail;

/// <summary>How mail leaves the system.</summary>
public enum MailMode
{
    /// <summary>Each message becomes an <c>.eml</c> file in a local folder (development, tests).</summary>
    Pickup,

    /// <summary>Messages go to the SendGrid v3 mail-send API (production).</summary>
    SendGrid,
}
