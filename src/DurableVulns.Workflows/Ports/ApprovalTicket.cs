using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Ports;

/// <summary>What a valid approval token stands for: its grant and the decision it carries.</summary>
public sealed record ApprovalTicket(ApprovalGrant Grant, bool Approve);
