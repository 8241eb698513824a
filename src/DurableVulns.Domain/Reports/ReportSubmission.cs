namespace DurableVulns.Domain.Reports;

/// <summary>A vulnerability report as the reporter sent it, after validation.</summary>
public sealed record ReportSubmission(
    Reporter Reporter,
    Product Product,
    string Title,
    string Description,
    UpstreamComponent? UpstreamComponent);
