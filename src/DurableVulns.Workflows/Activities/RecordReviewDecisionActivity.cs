using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records one reviewer's decision on the case, where the status shows it.</summary>
public sealed class RecordReviewDecisionActivity(CaseJournal journal) : TaskActivity<ReviewDecisionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReviewDecisionInput input)
    {
        var (review, decision) = (input.Review, input.Decision);
        await journal.Cases.UpdateAsync(review.CaseId, r => review.Kind switch
        {
            ReviewKind.EarlyDisclosure when r.Disclosure?.RequestId == review.ReviewId => r with
            {
                Disclosure = decision.Role == ReviewerRole.MIIT ? r.Disclosure with { Miit = decision } : r.Disclosure with { Mps = decision },
            },
            ReviewKind.BlackoutConsent when r.Publication?.PublicationId == review.ReviewId => r with
            {
                Publication = r.Publication with { MpsDecision = decision },
            },
            _ => r,
        });
        var article = Articles.ForReview(review.Kind);
        await journal.RecordAsync(review.CaseId, $"{review.ReviewId}-{decision.Role}", TimelineTypes.ReviewerDecision, article,
            $"{decision.Role} reviewer {(decision.Approved ? "approved" : "rejected")} the {review.Kind} review.", decision.Reviewer);
        return true;
    }
}
