namespace DurableVulns.Domain.Disclosure;

/// <summary>
/// The advisory the PSIRT asks to publish, with the flags the Art. 9 gate checks. The flags are
/// nullable only so that validation can insist they are stated, never assumed false.
/// </summary>
public sealed record Advisory(
    string Title,
    string Body,
    string Fix,
    IReadOnlyList<Recipient> Recipients,
    bool? ContainsExploitCode,
    bool? ContainsOperatorSystemDetails);
