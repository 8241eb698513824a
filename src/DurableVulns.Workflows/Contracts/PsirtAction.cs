namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// A PSIRT action sent to a case's orchestration as an external event. <see cref="ActionId"/>
/// becomes the key of the audit entry the action writes, so the API can see it applied.
/// </summary>
public sealed record PsirtAction<TBody>(string ActionId, string Actor, TBody Body);
