namespace DurableVulns.Workflows.Ports;

/// <summary>Delivers mail: SendGrid in production, a pickup folder of .eml files locally.</summary>
public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
