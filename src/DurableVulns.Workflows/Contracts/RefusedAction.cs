namespace DurableVulns.Workflows.Contracts;

/// <summary>An action the orchestration did not apply because the case no longer allowed it.</summary>
public sealed record RefusedAction(string CaseId, string ActionId, string Actor, string Action, string Reason);
