namespace DurableVulns.Workflows.Ports;

/// <summary>
/// One logical message. <see cref="Key"/> identifies it across retries, so that a retried
/// activity does not send it twice. <see cref="Template"/> names the SendGrid dynamic template
/// that renders it in production, from <see cref="TemplateData"/>; the text body is the same
/// message rendered here, which the pickup folder keeps.
/// </summary>
public sealed record OutgoingMail(
    string Key,
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? Template = null,
    IReadOnlyDictionary<string, string>? TemplateData = null);
