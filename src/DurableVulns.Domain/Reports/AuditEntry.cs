namespace DurableVulns.Domain.Reports;

/// <summary>
/// One line of a case's audit trail and timeline: who did what, when, under which article.
/// <see cref="Key"/> is unique within the case, so writing the same step twice keeps one line.
/// </summary>
public sealed record AuditEntry(string Key, DateTime AtUtc, string Type, string Article, string Detail, string Actor);
