using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// A step of a review's clock: a reminder (with fresh links) to the reviewers of the roles that
/// have not decided, or an escalation to the PSIRT. A retry after a reviewer was taken out of the
/// configuration withdraws the reminder to them that was held up. The reviewers are read as the
/// settings are now (see <see cref="RequestReviewsActivity"/>).
/// </summary>
public sealed class SendReviewReminderActivity(
    CaseJournal journal, MailDispatcher mail, IApprovalLinkIssuer links, IOptionsMonitor<ReviewerOptions> reviewers, IOptions<PsirtOptions> psirt)
    : TaskActivity<ReviewStepInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReviewStepInput input)
    {
        var review = input.Review;
        var record = await journal.GetAsync(review.CaseId);
        var article = Articles.ForReview(review.Kind);
        var pending = string.Join(", ", input.PendingRoles);
        if (input.Step.Kind == ClockStepKind.Escalation)
        {
            var sent = await mail.SendOnceAsync(review.CaseId, article, ReviewMails.ReviewEscalation(record, review, input.Step, input.PendingRoles, psirt.Value.Addresses));
            await journal.RecordAsync(review.CaseId, $"{review.ReviewId}-{input.Step.Key}", TimelineTypes.Escalation, article,
                MailDispatcher.Describe(sent, $"Review {review.Kind} still waits for {pending}: escalated to the PSIRT.",
                    $"Review {review.Kind} still waits for {pending}; the escalation to the PSIRT"));
            return true;
        }
        var refused = 0;
        var reminded = new List<OutgoingMail>();
        foreach (var role in input.PendingRoles)
            foreach (var reviewer in reviewers.CurrentValue.For(role))
            {
                var issued = await links.IssueAsync(ReviewGrants.For(review, role, reviewer));
                var reminder = ReviewMails.ReviewRequest(record, review, role, reviewer, issued, input.Step);
                if (await mail.SendOnceAsync(review.CaseId, article, reminder) == MailOutcome.Refused) refused++;
                reminded.Add(reminder);
            }
        await mail.WithdrawUnsentAsync(record, reminded, ReviewMails.NoLongerReviewer);
        await journal.RecordAsync(review.CaseId, $"{review.ReviewId}-{input.Step.Key}", TimelineTypes.ReviewerReminder, article,
            MailDispatcher.Describe(refused, $"Reminder {input.Step.Ordinal + 1} to the {pending} reviewers."));
        return true;
    }
}
