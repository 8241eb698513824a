using System.Collections.Concurrent;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Workflows.Ports;

/// <summary>
/// Tells waiters in this process that an audit entry has been written, so that a PSIRT action
/// waiting for its entry wakes at once instead of polling storage, and, when the entry is the one
/// stored, need not read it back. An entry written by another process is not seen here: waiters
/// still look in storage now and then.
/// </summary>
public sealed class AuditWatch
{
    private readonly ConcurrentDictionary<(string CaseId, string Key), TaskCompletionSource<AuditEntry?>> waiters = new();

    /// <summary>
    /// Starts watching for the entry; the task completes when it is written in this process, with
    /// the entry as stored, or with null when only storage knows it (see <see cref="Written"/>).
    /// </summary>
    public Task<AuditEntry?> Watch(string caseId, string key) =>
        waiters.GetOrAdd((caseId, key), _ => new TaskCompletionSource<AuditEntry?>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops watching (the entry was found, or the wait is over).</summary>
    public void Forget(string caseId, string key) => waiters.TryRemove((caseId, key), out _);

    /// <summary>
    /// Called by the audit log once the entry under <paramref name="key"/> is stored: with
    /// <paramref name="stored"/> when this write stored it, without when an earlier write had.
    /// </summary>
    public void Written(string caseId, string key, AuditEntry? stored = null)
    {
        if (waiters.TryRemove((caseId, key), out var waiter)) waiter.TrySetResult(stored);
    }
}
