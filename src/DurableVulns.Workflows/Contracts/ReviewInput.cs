using System.Text.Json.Serialization;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// The input of one review: who must decide, on what, and on which clock. <see cref="Version"/> is
/// its case's <see cref="ReportLifecycleInput.Version"/> (0 in reviews started before it was passed on).
/// </summary>
public sealed record ReviewInput(
    string CaseId,
    string ReviewId,
    ReviewKind Kind,
    IReadOnlyList<ReviewerRole> Roles,
    DateTime RequestedAtUtc,
    ReviewPolicy Policy,
    ActivityRetryPolicy? ActivityRetry = null,
    int Version = 0)
{
    /// <summary>How the review's activities are retried; the default for reviews started before the policy said.</summary>
    [JsonIgnore]
    public ActivityRetryPolicy Retry => ActivityRetry ?? ActivityRetryPolicy.Default;

    /// <summary>The review's own instance id, derived so that the approval pages can reach it.</summary>
    public static string InstanceIdFor(string caseId, string reviewId) => $"{caseId}:review:{reviewId}";

    public DateTime ExpiresAtUtc => RequestedAtUtc + Policy.ReviewTimeout;
}
