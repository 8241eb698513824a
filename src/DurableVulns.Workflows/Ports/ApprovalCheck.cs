namespace DurableVulns.Workflows.Ports;

/// <summary>The outcome of checking or redeeming a token; the ticket is there whenever the token was genuine.</summary>
public sealed record ApprovalCheck(ApprovalTokenStatus Status, ApprovalTicket? Ticket);
