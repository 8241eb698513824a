using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
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

    /// <summary>
    /// Applies a PSIRT action's <paramref name="change"/> to the case. When the result would not fit in
    /// storage (two long actions were accepted at once, each checked alone), the action is refused on
    /// the timeline under its key instead and null comes back: retrying could never succeed, and the
    /// workflow, its MIIT clock included, must go on.
    /// </summary>
    public async Task<CaseRecord?> UpdateOrRefuseAsync<TBody>(string caseId, PsirtAction<TBody> action, string kind, Func<CaseRecord, CaseRecord> change)
    {
        try
        {
            return await cases.UpdateAsync(caseId, change);
        }
        catch (CaseRecordTooLargeException)
        {
            await RecordAsync(caseId, action.ActionId, TimelineTypes.ActionRefused, string.Empty,
                $"{kind} refused: with its texts the case's record would pass what storage holds for one case; nothing was changed. Shorten them and send it again.",
                action.Actor);
            return null;
        }
    }

    /// <summary>Writes an audit entry; the key makes a retried write a no-op.</summary>
    public Task RecordAsync(string caseId, string key, string type, string article, string detail, string actor = SystemActor) =>
        audit.AppendAsync(caseId, new AuditEntry(key, UtcNow, type, article, detail, actor));
}
