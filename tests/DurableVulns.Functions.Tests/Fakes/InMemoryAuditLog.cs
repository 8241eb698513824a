using System.Collections.Concurrent;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentDictionary<string, List<AuditEntry>> entries = new();

    public Task AppendAsync(string caseId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var list = entries.GetOrAdd(caseId, _ => []);
        lock (list)
        {
            if (list.All(e => e.Key != entry.Key)) list.Add(entry);
        }
        return Task.CompletedTask;
    }

    public async Task<AuditEntry?> FindAsync(string caseId, string key, CancellationToken cancellationToken = default) =>
        (await ReadAsync(caseId, cancellationToken)).FirstOrDefault(e => e.Key == key);

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!entries.TryGetValue(caseId, out var list)) return Task.FromResult<IReadOnlyList<AuditEntry>>([]);
        lock (list) return Task.FromResult<IReadOnlyList<AuditEntry>>([.. list]);
    }
}
