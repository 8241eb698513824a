using System.Collections.Concurrent;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Counts how often each <c>.eml</c> file of a pickup folder is written. The pickup mailer writes a
/// temporary file and renames it onto <c>{hash of the message key}.eml</c>, so every send, a repeated
/// one included, is one rename onto that name: two renames are a second copy of one logical message.
/// </summary>
public sealed class MailWrites : IDisposable
{
    private readonly FileSystemWatcher watcher;
    private readonly ConcurrentDictionary<string, int> writes = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private FileCountTrigger? trigger;
    private int errors;

    public MailWrites(string directory)
    {
        watcher = new FileSystemWatcher(directory, "*") { InternalBufferSize = 64 * 1024 };
        watcher.Renamed += (_, e) => Written(e.Name);
        // A file created under its final name was not written by the rename protocol; count it too.
        watcher.Created += (_, e) => Written(e.Name);
        watcher.Error += (_, _) => Interlocked.Increment(ref errors);
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> as soon as the folder holds <paramref name="count"/> distinct
    /// <c>.eml</c> files (at once if it already does), on the watcher's own thread inside the event
    /// that brings the count there. Nothing waits on a poll interval or a busy thread pool, so an
    /// action that kills the sender stops it within a file or two of <paramref name="count"/>.
    /// Throws <see cref="TimeoutException"/>, disarmed, when the count is not reached in <paramref name="timeout"/>.
    /// </summary>
    public async Task WhenFilesAsync(int count, Action action, TimeSpan timeout)
    {
        var armed = new FileCountTrigger(count, action);
        lock (gate)
        {
            if (trigger is not null) throw new InvalidOperationException("One trigger at a time.");
            trigger = armed;
            FireIfReached();
        }
        try
        {
            await armed.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Disarmed, so that it cannot fire later, on a host the caller has moved past.
            lock (gate) if (trigger == armed) trigger = null;
            throw new TimeoutException($"Fewer than {count} mail files within {timeout.TotalSeconds} s: {writes.Count}.");
        }
    }

    /// <summary>True when the watcher lost events (its buffer overflowed): counts would be too low.</summary>
    public bool LostEvents => Volatile.Read(ref errors) > 0;

    /// <summary>
    /// The writes of every <c>.eml</c> file now in <paramref name="directory"/>, by file path, once
    /// each has been seen written at least once (events arrive a little after the rename).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(string directory, int seconds = 10)
    {
        var files = Directory.GetFiles(directory, "*.eml");
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (files.Any(f => !writes.ContainsKey(Path.GetFileName(f))) && DateTime.UtcNow < until) await Task.Delay(100);
        return files.ToDictionary(f => f, f => writes.GetValueOrDefault(Path.GetFileName(f)), StringComparer.Ordinal);
    }

    public void Dispose() => watcher.Dispose();

    private void Written(string? name)
    {
        if (name?.EndsWith(".eml", StringComparison.Ordinal) != true) return;
        writes.AddOrUpdate(name, 1, (_, n) => n + 1);
        lock (gate) FireIfReached();
    }

    private void FireIfReached()
    {
        if (trigger is not { } armed || writes.Count < armed.Count) return;
        trigger = null;
        try
        {
            armed.Action();
            armed.Done.SetResult();
        }
        catch (Exception e)
        {
            // An exception thrown on the watcher's thread would end the test process.
            armed.Done.SetException(e);
        }
    }

    private sealed record FileCountTrigger(int Count, Action Action)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
