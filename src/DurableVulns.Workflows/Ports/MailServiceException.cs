namespace DurableVulns.Workflows.Ports;

/// <summary>
/// The mail service did not take a message this time (an outage, a throttle, our own set-up):
/// retried. Its message names the service's status only, never the message or its recipients,
/// so it can be shown on the case.
/// </summary>
public sealed class MailServiceException : Exception
{
    public MailServiceException()
    {
    }

    public MailServiceException(string message) : base(message)
    {
    }

    public MailServiceException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
