namespace DurableVulns.Workflows.Contracts;

/// <summary>An activity's input for a PSIRT action on a case.</summary>
public sealed record CaseActionInput<TBody>(string CaseId, PsirtAction<TBody> Action);
