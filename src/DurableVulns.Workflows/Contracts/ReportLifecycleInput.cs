using DurableVulns.Domain.Policy;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// The input of one case's orchestration. The policy travels with it, so the case keeps
/// the deadlines it started with even after the policy file changes.
/// </summary>
public sealed record ReportLifecycleInput(string CaseId, DateTime ReceivedAtUtc, WorkflowPolicy Policy, bool HasUpstreamComponent);
