namespace DurableVulns.Api.Cases;

/// <summary>
/// The case's publication: <c>Published</c>, <c>HeldForMpsConsent</c> (a blackout, Art. 9(6)),
/// or <c>NotPublished</c> after MPS refused or did not answer.
/// </summary>
public sealed record PublicationView(
    string PublicationId,
    string State,
    string Title,
    string? Blackout,
    DateTimeOffset? PublishedAt,
    ReviewerView? Mps);
