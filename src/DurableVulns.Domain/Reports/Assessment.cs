namespace DurableVulns.Domain.Reports;

/// <summary>
/// The PSIRT's verification and assessment of a report (Art. 7(1)). <see cref="UpstreamComponent"/>
/// is a component of another provider that the verification found the flaw in (the reporter may not
/// have named it): its provider is told at once.
/// </summary>
public sealed record Assessment(
    string Severity,
    IReadOnlyList<string> AffectedVersions,
    string TechnicalCharacteristics,
    string Harm,
    string Scope,
    UpstreamComponent? UpstreamComponent = null);
