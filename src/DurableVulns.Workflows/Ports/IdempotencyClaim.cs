namespace DurableVulns.Workflows.Ports;

/// <summary>The case an Idempotency-Key created, and a hash of the body it came with.</summary>
public sealed record IdempotencyClaim(string CaseId, string BodyHash);
