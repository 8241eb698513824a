namespace DurableVulns.Domain.Disclosure;

/// <summary>
/// A request to publish before the patch (Art. 9(1)): who asks, why, when, and the notes of the
/// joint assessment with the provider.
/// </summary>
public sealed record DisclosureRequest(string RequestedBy, string Reason, DateOnly? ProposedDate, string JointAssessment);
