namespace DurableVulns.Workflows.Ports;

/// <summary>
/// One logical message. <see cref="Key"/> identifies it across retries, so that a retried
/// activity does not send it twice.
/// </summary>
public sealed record OutgoingMail(string Key, IReadOnlyList<string> To, string Subject, string TextBody);
