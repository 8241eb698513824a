using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Api.Cases;

/// <summary>The end of one PSIRT action, for the API and the console to answer each in its own way.</summary>
public sealed record ActionOutcome(ActionOutcomeKind Kind)
{
    public FieldErrors? Errors { get; init; }

    public ActionRefusal? Refusal { get; init; }

    /// <summary>The action's id (the key of the audit entry the orchestration writes), once sent.</summary>
    public string? ActionId { get; init; }

    /// <summary>The audit entry the orchestration wrote when it applied the action.</summary>
    public AuditEntry? Entry { get; init; }

    /// <summary>The case as recorded after the action was applied.</summary>
    public CaseRecord? Case { get; init; }
}
