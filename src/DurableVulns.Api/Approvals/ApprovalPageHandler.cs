using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Api.Approvals;

/// <summary>
/// <c>GET /approvals/{token}</c> shows what the link decides and changes nothing (mail scanners fetch
/// every link); <c>POST</c> from that page, with its anti-forgery field, redeems the token and raises
/// the decision on the waiting orchestration. Either, for a link whose role has decided, hands that
/// recorded decision over again, which the review ignores if it has it.
/// </summary>
public sealed partial class ApprovalPageHandler(
    IApprovalTickets tickets,
    ICaseStore cases,
    IWorkflowClient workflows,
    IAntiforgery antiforgery,
    TimeProvider time,
    ILogger<ApprovalPageHandler> logger)
{
    public async Task<IResult> ShowAsync(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        var cancellationToken = http.RequestAborted;
        var check = await tickets.CheckAsync(token, cancellationToken);
        if (check.Status != ApprovalTokenStatus.Valid || check.Ticket is not { } ticket) return await RefuseAsync(check);

        var record = await cases.GetAsync(ticket.Grant.CaseId, cancellationToken);
        var form = antiforgery.GetAndStoreTokens(http);
        LogShown(ticket.Grant.CaseId, ticket.Grant.ReviewId, ticket.Grant.Role);
        return ApprovalPages.Confirm(ticket, record, http.Request.PathBase + http.Request.Path, form.FormFieldName, form.RequestToken ?? "");
    }

    public async Task<IResult> DecideAsync(HttpContext http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (Exception ex) when (ex is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            // Not a post of our confirm page (or an unreadable one): nothing is redeemed.
            LogFormRejected(ex.GetType().Name);
            return ApprovalPages.FormRejected();
        }

        // From the redeem on, a reviewer who closes the tab does not cut the hand-over short: the link
        // would be used up and the decision never reach the workflow.
        var check = await tickets.RedeemAsync(token, CancellationToken.None);
        if (check.Status != ApprovalTokenStatus.Valid || check.Ticket is not { } ticket) return await RefuseAsync(check);

        var grant = ticket.Grant;
        var decision = new ReviewDecision(grant.Role, grant.Reviewer, ticket.Approve, time.GetUtcNow().UtcDateTime);
        await workflows.RaiseEventAsync(grant.InstanceId, grant.EventName, decision, CancellationToken.None);
        LogRecorded(grant.CaseId, grant.ReviewId, grant.Role, ticket.Approve);
        return ApprovalPages.Recorded(ticket);
    }

    // The role's decision was recorded, but the visit that recorded it may have failed to hand it over
    // (an error after the redeem): a later visit of any of the role's links, a view or a post, does.
    // The review takes a role's first decision only, so handing it over twice changes nothing (a
    // mail scanner's fetch included); this is best effort.
    private async Task<IResult> RefuseAsync(ApprovalCheck check)
    {
        if (check is { RecordedDecision: { } recorded, Ticket: { } decided }) await HandOverAgainAsync(decided.Grant, recorded);
        return Refuse(check);
    }

    private async Task HandOverAgainAsync(ApprovalGrant grant, ReviewDecision recorded)
    {
        try
        {
            await workflows.RaiseEventAsync(grant.InstanceId, grant.EventName, recorded, CancellationToken.None);
            LogHandedOverAgain(grant.CaseId, grant.ReviewId, grant.Role);
        }
        catch (Exception ex)
        {
            LogHandOverFailed(ex, grant.CaseId, grant.ReviewId, grant.Role);
        }
    }

    private ApprovalPage Refuse(ApprovalCheck check)
    {
        if (check.Ticket is { } ticket) LogRefused(check.Status, ticket.Grant.CaseId, ticket.Grant.ReviewId, ticket.Grant.Role);
        else LogUnknownToken(check.Status);
        return ApprovalPages.Refused(check.Status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval page shown for case {CaseId}, review {ReviewId}, role {Role}.")]
    private partial void LogShown(string caseId, string reviewId, ReviewerRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review decision recorded for case {CaseId}, review {ReviewId}, role {Role}: approve = {Approve}.")]
    private partial void LogRecorded(string caseId, string reviewId, ReviewerRole role, bool approve);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded decision of case {CaseId}, review {ReviewId}, role {Role} handed to the workflow again.")]
    private partial void LogHandedOverAgain(string caseId, string reviewId, ReviewerRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded decision of case {CaseId}, review {ReviewId}, role {Role} could not be handed to the workflow again.")]
    private partial void LogHandOverFailed(Exception exception, string caseId, string reviewId, ReviewerRole role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval link refused ({Status}) for case {CaseId}, review {ReviewId}, role {Role}.")]
    private partial void LogRefused(ApprovalTokenStatus status, string caseId, string reviewId, ReviewerRole role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval link refused ({Status}): not a token this service issued.")]
    private partial void LogUnknownToken(ApprovalTokenStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval form refused: anti-forgery check failed ({Reason}).")]
    private partial void LogFormRejected(string reason);
}
