using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records MPS's answer to a publication held in a blackout window (Art. 9(6)).</summary>
public sealed class RecordConsentOutcomeActivity(CaseJournal journal) : TaskActivity<ReviewOutcomeInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReviewOutcomeInput input)
    {
        var (review, state) = (input.Review, input.Outcome.State);
        await journal.Cases.UpdateAsync(review.CaseId, r => r.Publication?.PublicationId == review.ReviewId
            ? r with { Publication = r.Publication with { Consent = state } }
            : r);
        var (type, detail) = state == ReviewState.Approved
            ? (TimelineTypes.MpsConsentGranted, "MPS consented to the publication.")
            : (TimelineTypes.MpsConsentRefused, state == ReviewState.Rejected
                ? "MPS refused consent: nothing was published."
                : "No MPS consent in time: nothing was published.");
        await journal.RecordAsync(review.CaseId, $"{review.ReviewId}-{state}", type, Articles.NationalEvents, detail);
        return true;
    }
}
