using System.Collections.Concurrent;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemoryCaseStore : ICaseStore
{
    public ConcurrentDictionary<string, CaseRecord> Records { get; } = new();

    public Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Records.TryGetValue(caseId, out var record) ? record : null);

    public Task<IReadOnlyList<string>> ListReceivedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(
            [.. Records.Values.Where(r => r.Stage == CaseStage.Received && r.ReceivedAtUtc >= fromUtc && r.ReceivedAtUtc <= toUtc).Select(r => r.Id)]);

    public Task<bool> CreateAsync(CaseRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(Records.TryAdd(record.Id, record));

    // Without a bound the lifted comparison with null is false, so no closed case is listed.
    public Task<IReadOnlyList<CaseRecord>> ListAsync(DateTime? closedWithDeadlineSinceUtc = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(
            [.. Records.Values.Where(r => r.Stage != CaseStage.Closed || r.MiitDeadlineUtc >= closedWithDeadlineSinceUtc)]);

    public Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, CancellationToken cancellationToken = default) =>
        Task.FromResult(Records.AddOrUpdate(caseId, _ => throw new InvalidOperationException($"No case {caseId}."), (_, r) => change(r)));

    // Held in memory: no size limit, so nothing to keep free.
    public Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, int spareBytes, CancellationToken cancellationToken = default) =>
        UpdateAsync(caseId, change, cancellationToken);

    // Held in memory: no size limit.
    public bool Fits(CaseRecord record, int spareBytes = 0) => true;
}
