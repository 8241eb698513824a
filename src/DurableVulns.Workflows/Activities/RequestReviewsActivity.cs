using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableVulns.Workflows.Activities;

/// <summary>
/// Mails every configured reviewer of each role a pair of approval links. A retry issues new
/// links but sends no second mail: the mail key is per review, role and reviewer. A retry after
/// a reviewer was taken out of the configuration withdraws the request to them that was held up.
/// The reviewers are read as the settings are now, as the approval links are checked: a reviewer
/// removed by a reload gets no more of the embargoed case's details.
/// </summary>
public sealed class RequestReviewsActivity(CaseJournal journal, MailDispatcher mail, IApprovalLinkIssuer links, IOptionsMonitor<ReviewerOptions> reviewers)
    : TaskActivity<ReviewInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, ReviewInput input)
    {
        var record = await journal.GetAsync(input.CaseId);
        var asked = new List<OutgoingMail>();
        foreach (var role in input.Roles)
            foreach (var reviewer in reviewers.CurrentValue.For(role))
            {
                var grant = ReviewGrants.For(input, role, reviewer);
                var request = ReviewMails.ReviewRequest(record, input, role, reviewer, await links.IssueAsync(grant), reminder: null);
                await mail.SendOnceAsync(input.CaseId, Articles.ForReview(input.Kind), request);
                asked.Add(request);
            }
        await mail.WithdrawUnsentAsync(record, asked, ReviewMails.NoLongerReviewer);
        return asked.Count;
    }
}
