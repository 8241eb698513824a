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
    private int errors;

    public MailWrites(string directory)
    {
        watcher = new FileSystemWatcher(directory, "*") { InternalBufferSize = 64 * 1024 };
        watcher.Renamed += (_, e) =>
        {
            if (e.Name?.EndsWith(".eml", StringComparison.Ordinal) == true) writes.AddOrUpdate(e.Name, 1, (_, n) => n + 1);
        };
        watcher.Created += (_, e) =>
        {
            // A file created under its final name was not written by the rename protocol; count it too.
            if (e.Name?.EndsWith(".eml", StringComparison.Ordinal) == true) writes.AddOrUpdate(e.Name, 1, (_, n) => n + 1);
        };
        watcher.Error += (_, _) => Interlocked.Increment(ref errors);
        watcher.EnableRaisingEvents = true;
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
}
