using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Validation;

/// <summary>Validates a patch release: the fixed version and the fix or mitigation text (Art. 7(3)).</summary>
public static class PatchValidator
{
    public static FieldErrors Validate(PatchRelease? patch)
    {
        var errors = new FieldErrors();
        if (patch is null) { errors.Add("$", "a patch object is required."); return errors; }
        TextRules.RequireLine(errors, "fixedVersion", patch.FixedVersion, ReportValidator.MaxLineLength);
        TextRules.RequireText(errors, "fix", patch.Fix, AssessmentValidator.MaxTextLength);
        return errors;
    }
}
