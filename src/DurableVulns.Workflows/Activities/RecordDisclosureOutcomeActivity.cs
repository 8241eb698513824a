using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.DurableTask;

namespace DurableVulns.Workflows.Activities;

/// <summary>Records how an early-disclosure review ended; anything but Approved keeps the embargo (Art. 9(1)).</summary>
public sealed class RecordDisclosureOutcomeActivity(CaseJournal journal) : TaskActivity<ReviewOutcomeInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReviewOutcomeInput input)
    {
        var now = journal.UtcNow;
        var (review, state) = (input.Review, input.Outcome.State);
        await journal.Cases.UpdateAsync(review.CaseId, r => r.Disclosure?.RequestId == review.ReviewId && r.Disclosure.State == ReviewState.Pending
            ? r with { Disclosure = r.Disclosure with { State = state, DecidedAtUtc = now } }
            : r);
        var (type, detail) = state switch
        {
            ReviewState.Approved => (TimelineTypes.DisclosureApproved, "MIIT and MPS approved the early disclosure."),
            ReviewState.Rejected => (TimelineTypes.DisclosureRejected, "Early disclosure rejected: the embargo stays."),
            _ => (TimelineTypes.DisclosureTimedOut, "No decision in time: the embargo stays."),
        };
        await journal.RecordAsync(review.CaseId, $"{review.ReviewId}-{state}", type, Articles.Embargo, detail);
        return true;
    }
}
