namespace DurableVulns.Domain.Reports;

/// <summary>The finder who reported the vulnerability (RMSV Art. 6).</summary>
public sealed record Reporter(string Name, string Email, string? Organization, string Country);
