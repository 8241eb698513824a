namespace DurableVulns.Workflows.Ports;

/// <summary>
/// The mail service refused a message for good (SendGrid answers 400 or 413): sending the same
/// message again cannot succeed, so it is not retried. Any other failure is retried.
/// </summary>
public sealed class MailRefusedException : Exception
{
    public MailRefusedException()
    {
    }

    public MailRefusedException(string message) : base(message)
    {
    }

    public MailRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
