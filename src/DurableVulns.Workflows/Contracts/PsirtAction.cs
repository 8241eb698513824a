namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// A PSIRT action sent to a case's orchestration as an external event. <see cref="ActionId"/>
/// becomes the key of the audit entry the action writes, so the API can see it applied.
/// <see cref="AcceptedAtUtc"/> is when the API accepted it, on the server's clock: an action can
/// wait to be applied (a backlog, a worker's failover), and the wait is ours, not the PSIRT's.
/// It is absent from the system's own actions and from actions raised before it existed.
/// </summary>
public sealed record PsirtAction<TBody>(string ActionId, string Actor, TBody Body, DateTime? AcceptedAtUtc = null);
