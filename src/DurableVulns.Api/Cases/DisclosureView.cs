namespace DurableVulns.Api.Cases;

/// <summary>The early-disclosure request of a case and each authority's decision (Art. 9(1)).</summary>
public sealed record DisclosureView(
    string RequestId,
    string State,
    string RequestedBy,
    DateOnly? ProposedDate,
    DateTimeOffset RequestedAt,
    ReviewerView? Miit,
    ReviewerView? Mps);
