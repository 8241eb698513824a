namespace DurableVulns.Api.Intake;

/// <summary>The 202 answer to an accepted report.</summary>
public sealed record IntakeAccepted(string Id, string StatusUrl, DateTimeOffset MiitDeadline);
