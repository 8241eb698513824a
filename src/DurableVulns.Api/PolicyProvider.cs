using DurableVulns.Domain.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api;

/// <summary>
/// The policy in force: the one new cases start with, and the blackout calendar (Art. 9(6)) that
/// publications are checked against. Loaded at start-up, where a malformed file stops the host
/// with the bad key named; then the file is looked at again every <see cref="CheckInterval"/>, so
/// that a window added for a national event holds within seconds, without a restart. An edit that
/// does not load keeps the policy in force, and says why in the log.
/// </summary>
public sealed partial class PolicyProvider(IOptions<ApiOptions> options, TimeProvider? time = null, ILogger<PolicyProvider>? logger = null)
{
    /// <summary>How often the file is looked at for an edit.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private readonly string path = Resolve(options.Value.PolicyFile);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ILogger logger = logger ?? NullLogger<PolicyProvider>.Instance;
    private readonly Lock gate = new();
    private Loaded? loaded;

    public WorkflowPolicy Current
    {
        get
        {
            var now = clock.GetUtcNow();
            var current = Volatile.Read(ref loaded);
            if (current is not null && now < current.NextCheck) return current.Policy;
            lock (gate)
            {
                current = loaded;
                if (current is not null && now < current.NextCheck) return current.Policy;
                var next = now + CheckInterval;
                var stamp = FileStamp.Of(path);
                if (current is null) current = new Loaded(PolicyLoader.LoadFile(path), stamp, next);
                else if (stamp == current.Stamp) current = current with { NextCheck = next };
                else current = Reload(current, stamp, next);
                Volatile.Write(ref loaded, current);
                return current.Policy;
            }
        }
    }

    // The edit is taken once it loads; one that does not is reported once and waits for the next edit.
    private Loaded Reload(Loaded current, FileStamp stamp, DateTimeOffset next)
    {
        try
        {
            var policy = PolicyLoader.LoadFile(path);
            LogReloaded(path, policy.Version, policy.Blackouts?.Count ?? 0);
            return new Loaded(policy, stamp, next);
        }
        catch (Exception ex) when (ex is PolicyException or IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(ex, path, current.Policy.Version);
            return current with { Stamp = stamp, NextCheck = next };
        }
    }

    // A relative path means the working directory's copy when there is one (an operator's
    // edit), else the copy shipped beside the binaries.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        return Path.Combine(AppContext.BaseDirectory, path);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow policy {Path} edited: now in force, version {Version}, {Blackouts} blackout window(s).")]
    private partial void LogReloaded(string path, string version, int blackouts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow policy {Path} was edited but does not load; version {Version} stays in force until the file is fixed.")]
    private partial void LogReloadFailed(Exception exception, string path, string version);

    private sealed record Loaded(WorkflowPolicy Policy, FileStamp Stamp, DateTimeOffset NextCheck);

    // What tells an edit: the write time and the length (a save within the clock's resolution
    // almost always changes the length too).
    private readonly record struct FileStamp(DateTime WrittenUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.LastWriteTimeUtc, file.Length) : default;
        }
    }
}
