namespace DurableVulns.Domain.Reports;

/// <summary>The receipt of a submission to MIIT's vulnerability sharing platform (Art. 7(2)).</summary>
public sealed record MiitSubmission(string ReceiptId);
