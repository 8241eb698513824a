using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Activities;

/// <summary>Reads cases and writes their audit entries, stamped with the injected clock.</summary>
public sealed class CaseJournal(ICaseStore cases, IAuditLog audit, TimeProvider time)
{
    public const string SystemActor = "system";

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public ICaseStore Cases => cases;

    /// <summary>The case, which must exist: activities run only for cases the API created.</summary>
    public async Task<CaseRecord> GetAsync(string caseId) =>
        await cases.GetAsync(caseId) ?? throw new InvalidOperationException($"Case {caseId} does not exist.");

    /// <summary>True when the case's audit trail holds an entry under <paramref name="key"/>.</summary>
    public async Task<bool> HasEntryAsync(string caseId, string key) => await audit.FindAsync(caseId, key) is not null;

    /// <summary>Writes an audit entry; the key makes a retried write a no-op.</summary>
    public Task RecordAsync(string caseId, string key, string type, string article, string detail, string actor = SystemActor) =>
        audit.AppendAsync(caseId, new AuditEntry(key, UtcNow, type, article, detail, actor));
}
