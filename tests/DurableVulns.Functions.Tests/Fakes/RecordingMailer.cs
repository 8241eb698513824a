using System.Collections.Concurrent;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Functions.Tests.Fakes;

internal sealed class RecordingMailer : IMailer
{
    public ConcurrentQueue<OutgoingMail> Sent { get; } = new();

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
