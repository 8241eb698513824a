using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Ports;

/// <summary>
/// The outcome of checking or redeeming a token; the ticket is there whenever the token was genuine.
/// <see cref="RecordedDecision"/> is the decision the store holds for the token's role while its
/// review is still open: a later view or post of any of the role's links hands it to the workflow
/// again, in case the visit that recorded it could not (its link is used up by then, so nothing
/// else would).
/// </summary>
public sealed record ApprovalCheck(ApprovalTokenStatus Status, ApprovalTicket? Ticket, ReviewDecision? RecordedDecision = null);
