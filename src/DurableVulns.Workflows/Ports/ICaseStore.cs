using DurableVulns.Domain.Reports;

namespace DurableVulns.Workflows.Ports;

/// <summary>The case records users query (Table storage in production).</summary>
public interface ICaseStore
{
    Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds the record; a record with the same id already there is left as it is. True when this call added it.
    /// A record that does not fit (<see cref="Fits"/>) throws <see cref="CaseRecordTooLargeException"/>.
    /// </summary>
    Task<bool> CreateAsync(CaseRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every case not yet closed, plus, when <paramref name="closedWithDeadlineSinceUtc"/> is given, the
    /// closed cases whose MIIT deadline fell on or after it (for the dashboard's weekly history).
    /// </summary>
    Task<IReadOnlyList<CaseRecord>> ListAsync(DateTime? closedWithDeadlineSinceUtc = null, CancellationToken cancellationToken = default);

    /// <summary>The ids of the cases still in stage Received that were received from <paramref name="fromUtc"/> to <paramref name="toUtc"/>, both included.</summary>
    Task<IReadOnlyList<string>> ListReceivedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> under optimistic concurrency, retrying on conflict. A change that
    /// returns the very record it was given writes nothing; one whose result does not fit throws
    /// <see cref="CaseRecordTooLargeException"/> and writes nothing.
    /// </summary>
    Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="UpdateAsync(string, Func{CaseRecord, CaseRecord}, CancellationToken)"/> for a change that adds long
    /// texts: it also throws <see cref="CaseRecordTooLargeException"/>, writing nothing, when the result would leave
    /// less than <paramref name="spareBytes"/> of the store's limit for one case free, unless the stored record
    /// already does (the same step retried after a later small write, which must not be refused then).
    /// </summary>
    Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, int spareBytes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="record"/> can be stored with <paramref name="spareBytes"/> of the store's
    /// limit for one case left over (Table storage holds at most 1 MiB per entity).
    /// </summary>
    bool Fits(CaseRecord record, int spareBytes = 0);
}
