namespace DurableVulns.Infrastructure.Mail;

/// <summary>Mail settings, bound from <see cref="Section"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "DurableVulns:Mail";

    public MailMode Mode { get; set; } = MailMode.Pickup;

    /// <summary>Folder for <see cref="MailMode.Pickup"/>; a relative path resolves against the current directory.</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    /// <summary>Required for <see cref="MailMode.SendGrid"/>. Keep it in a secret store, never in appsettings.</summary>
    public string? SendGridApiKey { get; set; }

    public string From { get; set; } = "psirt@durablevulns.local";

    /// <summary>
    /// SendGrid dynamic template ids by our template name (<see cref="Workflows.Ports.OutgoingMail.Template"/>),
    /// e.g. <c>DurableVulns__Mail__Templates__review-request=d-…</c>. Used by <see cref="MailMode.SendGrid"/> only;
    /// a mail whose template has no id here goes out as plain text.
    /// </summary>
    public Dictionary<string, string> Templates { get; set; } = new();
}
