using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemorySentMailLog : ISentMailLog
{
    private readonly ConcurrentDictionary<string, DateTime> sent = new();

    public Task<bool> WasSentAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(sent.ContainsKey(key));

    public Task MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        sent.TryAdd(key, sentAtUtc);
        return Task.CompletedTask;
    }
}
