namespace DurableVulns.Api.Intake;

/// <summary>What the intake log keeps about where a report came from: never its content.</summary>
public sealed record IntakeChannel(string? IdempotencyKey, string? ContentType, long? ContentLength, string? RemoteAddress);
