using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Api.Tests.Approvals;

/// <summary>A case store that knows one case and writes nothing.</summary>
public sealed class SingleCaseStore(CaseRecord record) : ICaseStore
{
    public Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(caseId == record.Id ? record : null);

    public Task<IReadOnlyList<string>> ListReceivedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> CreateAsync(CaseRecord record, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    // Without a bound the lifted comparison with null is false, so no closed case is listed.
    public Task<IReadOnlyList<CaseRecord>> ListAsync(DateTime? closedWithDeadlineSinceUtc = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CaseRecord>>(
            record.Stage != CaseStage.Closed || record.MiitDeadlineUtc >= closedWithDeadlineSinceUtc ? [record] : []);

    public Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, int spareBytes, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    // Held in memory: no size limit.
    public bool Fits(CaseRecord record, int spareBytes = 0) => true;
}
