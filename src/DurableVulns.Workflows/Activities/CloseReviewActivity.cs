using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Ends a review's links: one used after the review is over gets a clear refusal.</summary>
public sealed class CloseReviewActivity(IApprovalLinkIssuer links) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string reviewId)
    {
        await links.CloseReviewAsync(reviewId);
        return true;
    }
}
