namespace DurableVulns.Domain.Disclosure;

/// <summary>Who receives an advisory, with an ISO 3166-1 alpha-2 country code.</summary>
public sealed record Recipient(string Address, string Country);
