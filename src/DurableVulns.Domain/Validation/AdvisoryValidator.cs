using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Domain.Validation;

/// <summary>
/// Validates an advisory's form. What the Art. 9 gate decides (a missing fix, exploit code,
/// overseas recipients) is left to <see cref="PublicationGate"/>, which answers with the article.
/// </summary>
public static class AdvisoryValidator
{
    public const int MaxRecipients = 500;

    public static FieldErrors Validate(Advisory? advisory)
    {
        var errors = new FieldErrors();
        if (advisory is null) { errors.Add("$", "an advisory object is required."); return errors; }
        TextRules.RequireLine(errors, "title", advisory.Title, ReportValidator.MaxLineLength);
        TextRules.RequireText(errors, "body", advisory.Body, ReportValidator.MaxDescriptionLength);
        // A missing fix is the gate's to refuse, with its article.
        TextRules.OptionalText(errors, "fix", advisory.Fix, AssessmentValidator.MaxTextLength);
        if (advisory.ContainsExploitCode is null) errors.Add("containsExploitCode", "must be stated: true or false.");
        if (advisory.ContainsOperatorSystemDetails is null) errors.Add("containsOperatorSystemDetails", "must be stated: true or false.");
        if (advisory.Recipients is null) errors.Add("recipients", "is required (it may be empty).");
        else if (advisory.Recipients.Count > MaxRecipients) errors.Add("recipients", $"must list at most {MaxRecipients} recipients.");
        else
            for (var i = 0; i < advisory.Recipients.Count; i++)
            {
                if (advisory.Recipients[i] is not { } recipient) { errors.Add($"recipients[{i}]", "is required."); continue; }
                TextRules.RequireEmail(errors, $"recipients[{i}].address", recipient.Address);
                TextRules.RequireCountry(errors, $"recipients[{i}].country", recipient.Country);
            }
        return errors;
    }
}
