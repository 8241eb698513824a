namespace DurableVulns.Api.Cases;

/// <summary>One timeline line of the status JSON.</summary>
public sealed record TimelineItem(DateTimeOffset At, string Type, string Article, string Detail);
