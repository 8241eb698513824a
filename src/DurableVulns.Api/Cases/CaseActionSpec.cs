using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Activities;

namespace DurableVulns.Api.Cases;

/// <summary>
/// How one PSIRT action is handled: the event it raises, how its body is validated, and what
/// the recorded case must allow.
/// </summary>
public sealed record CaseActionSpec<TBody>(string EventName, Func<TBody?, FieldErrors> Validate, Func<CaseRecord, TBody, ActionRefusal?> Check)
{
    /// <summary>What the event carries when it is not the body itself.</summary>
    public Func<TBody, object>? Payload { get; init; }

    /// <summary>
    /// The record as the action leaves it, for an action that adds long texts: it must still fit in
    /// storage, or the step that writes it could never succeed.
    /// </summary>
    public Func<CaseRecord, TBody, CaseRecord>? Applied { get; init; }

    /// <summary>What <see cref="Applied"/> must leave free, as the step that writes it keeps it.</summary>
    public int SpareBytes { get; init; } = CaseJournal.LongTextSpareBytes;
}
