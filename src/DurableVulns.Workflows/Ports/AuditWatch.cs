using System.Collections.Concurrent;

namespace DurableVulns.Workflows.Ports;

/// <summary>
/// Tells waiters in this process that an audit entry has been written, so that a PSIRT action
/// waiting for its entry wakes at once instead of polling storage. An entry written by another
/// process is not seen here: waiters still look in storage now and then.
/// </summary>
public sealed class AuditWatch
{
    private readonly ConcurrentDictionary<(string CaseId, string Key), TaskCompletionSource> waiters = new();

    /// <summary>Starts watching for the entry; the task completes when it is written in this process.</summary>
    public Task Watch(string caseId, string key) =>
        waiters.GetOrAdd((caseId, key), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops watching (the entry was found, or the wait is over).</summary>
    public void Forget(string caseId, string key) => waiters.TryRemove((caseId, key), out _);

    /// <summary>Called by the audit log once the entry is stored.</summary>
    public void Written(string caseId, string key)
    {
        if (waiters.TryRemove((caseId, key), out var waiter)) waiter.TrySetResult();
    }
}
