namespace DurableVulns.Web.Portal;

/// <summary>What the reporter sees once the report is accepted.</summary>
public sealed record Receipt(string CaseId, DateTimeOffset ReceivedAt, string TrackingPath);
