using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Cases;

/// <summary>
/// How one PSIRT action is handled: the event it raises, how its body is validated, and what
/// the recorded case must allow. The optional parts shape the event and the answer.
/// </summary>
public sealed record CaseActionSpec<TBody>(string EventName, Func<TBody?, FieldErrors> Validate, Func<CaseRecord, TBody, IResult?> Check)
{
    /// <summary>What the event carries when it is not the body itself.</summary>
    public Func<TBody, object>? Payload { get; init; }

    /// <summary>The answer once applied, given the audit entry and the action id; the case status with 200 when null.</summary>
    public Func<AuditEntry, string, IResult>? Answer { get; init; }

    /// <summary>The status code of the case-status answer, given the audit entry the action wrote.</summary>
    public Func<AuditEntry, int>? StatusCode { get; init; }
}
