using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Reports;

/// <summary>
/// A message the case owes that the mail service has not taken yet (an outage, not a refusal).
/// </summary>
/// <param name="KeyHash">A hash of the message's idempotency key, which can hold recipient addresses and so is not kept.</param>
/// <param name="Message">The key as users see it, with the address segments left out.</param>
/// <param name="Article">The duty the message serves.</param>
/// <param name="SinceUtc">When its first send failed.</param>
public sealed record HeldUpMail(string KeyHash, string Message, string Article, DateTime SinceUtc)
{
    public static HeldUpMail Of(string mailKey, string message, string article, DateTime sinceUtc) =>
        new(TextHash.Sha256Hex(mailKey), message, article, sinceUtc);
}
