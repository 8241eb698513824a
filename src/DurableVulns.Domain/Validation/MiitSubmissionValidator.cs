using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Validation;

/// <summary>Validates the NVDB receipt of a MIIT submission (Art. 7(2)).</summary>
public static class MiitSubmissionValidator
{
    public static FieldErrors Validate(MiitSubmission? submission)
    {
        var errors = new FieldErrors();
        if (submission is null) { errors.Add("$", "a submission object is required."); return errors; }
        TextRules.RequireLine(errors, "receiptId", submission.ReceiptId, ReportValidator.MaxLineLength);
        return errors;
    }
}
