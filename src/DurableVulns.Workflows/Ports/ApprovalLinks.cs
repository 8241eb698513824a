namespace DurableVulns.Workflows.Ports;

/// <summary>The two absolute links a reviewer's mail carries.</summary>
public sealed record ApprovalLinks(string ApproveUrl, string RejectUrl);
