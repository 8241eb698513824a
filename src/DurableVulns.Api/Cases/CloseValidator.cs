using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Contracts;

namespace DurableVulns.Api.Cases;

/// <summary>Validates the optional body of a close action.</summary>
public static class CloseValidator
{
    public static FieldErrors Validate(CloseRequest? request)
    {
        var errors = new FieldErrors();
        if (request is not null) TextRules.OptionalLine(errors, "reason", request.Reason, 1_000);
        return errors;
    }
}
