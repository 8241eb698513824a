namespace DurableVulns.Domain.Reports;

/// <summary>
/// What Art. 7(2) requires in a submission to MIIT: product name, model, version,
/// technical characteristics, harm and scope. Fields not yet known are null.
/// </summary>
public sealed record MiitPackage(
    string ProductName,
    string? Model,
    string Version,
    IReadOnlyList<string>? AffectedVersions,
    string? Severity,
    string? TechnicalCharacteristics,
    string? Harm,
    string? Scope)
{
    /// <summary>Builds the package from the report and, when there is one, the assessment.</summary>
    public static MiitPackage From(ReportSubmission report, Assessment? assessment) => new(
        report.Product.Name,
        report.Product.Model,
        report.Product.Version,
        assessment?.AffectedVersions,
        assessment?.Severity,
        assessment?.TechnicalCharacteristics,
        assessment?.Harm,
        assessment?.Scope);

    /// <summary>The Art. 7(2) fields still missing, by their JSON names; empty when the package is complete.</summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(TechnicalCharacteristics)) missing.Add("technicalCharacteristics");
        if (string.IsNullOrWhiteSpace(Harm)) missing.Add("harm");
        if (string.IsNullOrWhiteSpace(Scope)) missing.Add("scope");
        return missing;
    }
}
