namespace DurableVulns.Workflows.Ports;

/// <summary>
/// One intake attempt. A rejected attempt keeps why (the names of the bad fields), never
/// the body it carried.
/// </summary>
public sealed record IntakeAttempt(
    DateTime AtUtc,
    string Outcome,
    int Status,
    string? CaseId,
    string? Reason,
    string? ContentType,
    long? ContentLength,
    string? RemoteAddress);
