namespace DurableVulns.Api.Cases;

/// <summary>A message the case owes that the mail service has not taken yet, as the status JSON shows it.</summary>
public sealed record HeldUpMailView(string Message, string Article, DateTimeOffset Since);
