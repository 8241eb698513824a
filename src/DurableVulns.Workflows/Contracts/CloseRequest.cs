namespace DurableVulns.Workflows.Contracts;

/// <summary>The body of a close action; the reason is optional.</summary>
public sealed record CloseRequest(string? Reason);
