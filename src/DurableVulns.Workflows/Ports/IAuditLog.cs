using DurableVulns.Domain.Reports;

namespace DurableVulns.Workflows.Ports;

/// <summary>Each case's audit trail, which is also its timeline.</summary>
public interface IAuditLog
{
    /// <summary>Writes the entry; an entry with the same key on the same case is kept, not duplicated.</summary>
    Task AppendAsync(string caseId, AuditEntry entry, CancellationToken cancellationToken = default);

    Task<AuditEntry?> FindAsync(string caseId, string key, CancellationToken cancellationToken = default);

    /// <summary>The case's entries, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default);
}
