using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class InMemorySentMailLog : ISentMailLog
{
    private readonly ConcurrentDictionary<string, SentMailState> states = new();

    public Task<SentMailState> StateAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(states.GetValueOrDefault(key, SentMailState.NotSent));

    public Task MarkDelayedAsync(string key, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        states.TryAdd(key, SentMailState.Delayed);
        return Task.CompletedTask;
    }

    public Task MarkSentAsync(string key, DateTime sentAtUtc, CancellationToken cancellationToken = default)
    {
        states.AddOrUpdate(key, SentMailState.Sent, (_, state) => state == SentMailState.Delayed ? SentMailState.SentAfterDelay : state);
        return Task.CompletedTask;
    }
}
