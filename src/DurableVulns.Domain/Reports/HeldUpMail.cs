namespace DurableVulns.Domain.Reports;

/// <summary>
/// A message the case owes that the mail service has not taken yet (an outage, not a refusal).
/// </summary>
/// <param name="Key">The message's idempotency key; it can hold recipient addresses, so it is never shown.</param>
/// <param name="Message">The key as users see it, with the address segments left out.</param>
/// <param name="Article">The duty the message serves.</param>
/// <param name="SinceUtc">When its first send failed.</param>
public sealed record HeldUpMail(string Key, string Message, string Article, DateTime SinceUtc);
