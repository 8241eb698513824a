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
    /// What a step that adds a PSIRT action's long texts leaves free in the case's storage, as the API
    /// checks it: the steps that add little (a submission, a close, decisions, held-up mail) then always fit.
    /// </summary>
    public const int LongTextSpareBytes = 64 * 1024;

    /// <summary>
    /// What a held publication leaves free: a little more, since publishing it later adds its time
    /// and MPS's decision, and so that one too large to publish at once is refused by the hold too.
    /// </summary>
    public const int HeldPublicationSpareBytes = LongTextSpareBytes + 1024;

    /// <summary>
    /// Applies a PSIRT action's <paramref name="change"/>, which adds long texts, to the case. When the
    /// result would leave less than <paramref name="spareBytes"/> of storage free (two long actions
    /// were accepted at once, each checked alone), the action is refused on the timeline under
    /// <paramref name="refusalKey"/> instead and null comes back: retrying could never succeed, and the
    /// workflow, its MIIT clock included, must go on.
    /// </summary>
    public async Task<CaseRecord?> UpdateOrRefuseAsync<TBody>(
        string caseId, PsirtAction<TBody> action, string kind, Func<CaseRecord, CaseRecord> change, string? refusalKey = null, int spareBytes = LongTextSpareBytes)
    {
        try
        {
            return await cases.UpdateAsync(caseId, change, spareBytes);
        }
        catch (CaseRecordTooLargeException)
        {
            await RecordAsync(caseId, refusalKey ?? action.ActionId, TimelineTypes.ActionRefused, string.Empty,
                $"{kind} refused: with its texts the case's record would pass what storage holds for one case; nothing was changed. Shorten them and send it again.",
                action.Actor);
            return null;
        }
    }

    /// <summary>Writes an audit entry; the key makes a retried write a no-op.</summary>
    public Task RecordAsync(string caseId, string key, string type, string article, string detail, string actor = SystemActor) =>
        audit.AppendAsync(caseId, new AuditEntry(key, UtcNow, type, article, detail, actor));
}
