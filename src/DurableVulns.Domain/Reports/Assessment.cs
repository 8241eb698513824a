namespace DurableVulns.Domain.Reports;

/// <summary>The PSIRT's verification and assessment of a report (Art. 7(1)).</summary>
public sealed record Assessment(
    string Severity,
    IReadOnlyList<string> AffectedVersions,
    string TechnicalCharacteristics,
    string Harm,
    string Scope);
