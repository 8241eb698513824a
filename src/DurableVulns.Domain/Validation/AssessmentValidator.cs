using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Validation;

/// <summary>Validates a PSIRT assessment (Art. 7(1): severity, affected versions, characteristics, harm, scope).</summary>
public static class AssessmentValidator
{
    public const int MaxTextLength = 20_000;
    public const int MaxVersions = 200;

    public static FieldErrors Validate(Assessment? assessment)
    {
        var errors = new FieldErrors();
        if (assessment is null) { errors.Add("$", "an assessment object is required."); return errors; }

        if (string.IsNullOrWhiteSpace(assessment.Severity)) errors.Add("severity", "is required.");
        else if (!CvssSeverity.IsValid(assessment.Severity))
            errors.Add("severity", "must be a CVSS 3.1 or 4.0 base vector (CVSS:3.1/AV:N/...) or a base score from 0.0 to 10.0.");

        if (assessment.AffectedVersions is null || assessment.AffectedVersions.Count == 0)
            errors.Add("affectedVersions", "must list at least one version.");
        else if (assessment.AffectedVersions.Count > MaxVersions)
            errors.Add("affectedVersions", $"must list at most {MaxVersions} versions.");
        else
            for (var i = 0; i < assessment.AffectedVersions.Count; i++)
                TextRules.RequireLine(errors, $"affectedVersions[{i}]", assessment.AffectedVersions[i], ReportValidator.MaxLineLength);

        TextRules.RequireText(errors, "technicalCharacteristics", assessment.TechnicalCharacteristics, MaxTextLength);
        TextRules.RequireText(errors, "harm", assessment.Harm, MaxTextLength);
        TextRules.RequireText(errors, "scope", assessment.Scope, MaxTextLength);
        ReportValidator.CheckUpstreamComponent(errors, assessment.UpstreamComponent);
        return errors;
    }
}
