namespace DurableVulns.Domain.Reports;

/// <summary>
/// What users query about a case. The orchestration's activities keep it current;
/// workflow history is never read for this.
/// </summary>
public sealed record CaseRecord(
    string Id,
    DateTime ReceivedAtUtc,
    ReportSubmission Report,
    string PolicyVersion,
    string TimeZone,
    CaseStage Stage,
    DateTime MiitDeadlineUtc,
    DateTime? MiitSubmittedAtUtc = null,
    string? MiitReceiptId = null,
    bool MiitBreached = false,
    Assessment? Assessment = null,
    PatchRelease? Patch = null,
    DateTime? ClosedAtUtc = null)
{
    public bool MiitSubmitted => MiitSubmittedAtUtc is not null;
}
