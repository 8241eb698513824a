namespace DurableVulns.Domain.Policy;

/// <summary>
/// The workflow policy a case runs under. A case keeps the policy it started with, so
/// this record travels as orchestration input and must stay serialisable.
/// </summary>
public sealed record WorkflowPolicy(
    string Version,
    string TimeZone,
    MiitSubmissionPolicy MiitSubmission,
    TimeSpan IntakeLogRetention);
