using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Validation;

/// <summary>Validates an intake report field by field (the body is untrusted: any member may be null).</summary>
public static class ReportValidator
{
    public const int MaxLineLength = 200;
    public const int MaxDescriptionLength = 100_000;

    public static FieldErrors Validate(ReportSubmission? report)
    {
        var errors = new FieldErrors();
        if (report is null) { errors.Add("$", "a report object is required."); return errors; }

        if (report.Reporter is null) errors.Add("reporter", "is required.");
        else
        {
            TextRules.RequireLine(errors, "reporter.name", report.Reporter.Name, MaxLineLength);
            TextRules.RequireEmail(errors, "reporter.email", report.Reporter.Email);
            TextRules.OptionalLine(errors, "reporter.organization", report.Reporter.Organization, MaxLineLength);
            TextRules.RequireCountry(errors, "reporter.country", report.Reporter.Country);
        }

        if (report.Product is null) errors.Add("product", "is required.");
        else
        {
            TextRules.RequireLine(errors, "product.vendor", report.Product.Vendor, MaxLineLength);
            TextRules.RequireLine(errors, "product.name", report.Product.Name, MaxLineLength);
            TextRules.OptionalLine(errors, "product.model", report.Product.Model, MaxLineLength);
            TextRules.RequireLine(errors, "product.version", report.Product.Version, MaxLineLength);
        }

        TextRules.RequireLine(errors, "title", report.Title, MaxLineLength);
        TextRules.RequireText(errors, "description", report.Description, MaxDescriptionLength);

        CheckUpstreamComponent(errors, report.UpstreamComponent);
        return errors;
    }

    /// <summary>An upstream component, when one is named (by the report, or by the assessment): its name and its provider's address.</summary>
    public static void CheckUpstreamComponent(FieldErrors errors, UpstreamComponent? component)
    {
        if (component is null) return;
        TextRules.RequireLine(errors, "upstreamComponent.name", component.Name, MaxLineLength);
        TextRules.RequireEmail(errors, "upstreamComponent.providerEmail", component.ProviderEmail);
    }
}
