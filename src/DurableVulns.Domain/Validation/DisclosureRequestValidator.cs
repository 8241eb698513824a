using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Domain.Validation;

/// <summary>Validates an early-disclosure request (Art. 9(1)).</summary>
public static class DisclosureRequestValidator
{
    public static readonly IReadOnlyList<string> Requesters = ["reporter", "provider"];

    public static FieldErrors Validate(DisclosureRequest? request)
    {
        var errors = new FieldErrors();
        if (request is null) { errors.Add("$", "a request object is required."); return errors; }
        if (request.RequestedBy is null || !Requesters.Contains(request.RequestedBy))
            errors.Add("requestedBy", "must be \"reporter\" or \"provider\".");
        TextRules.RequireText(errors, "reason", request.Reason, AssessmentValidator.MaxTextLength);
        if (request.ProposedDate is null) errors.Add("proposedDate", "is required, as a date such as 2026-12-20.");
        TextRules.RequireText(errors, "jointAssessment", request.JointAssessment, AssessmentValidator.MaxTextLength);
        return errors;
    }
}
