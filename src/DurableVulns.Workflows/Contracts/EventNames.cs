using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// External event names. Durable names never change once shipped: add a new name instead.
/// </summary>
public static class EventNames
{
    public const string Assessment = "Psirt.Assessment";
    public const string MiitSubmission = "Psirt.MiitSubmission";
    public const string PatchRelease = "Psirt.PatchRelease";
    public const string Close = "Psirt.Close";
    public const string DisclosureRequest = "Psirt.DisclosureRequest";
    public const string Publication = "Psirt.Publication";

    /// <summary>
    /// A reviewer's decision on one review, one name per role and review: a wait that timed out
    /// must never take a later review's decision.
    /// </summary>
    public static string Approval(ReviewerRole role, string reviewId) => $"Approval:{role}:{reviewId}";
}
