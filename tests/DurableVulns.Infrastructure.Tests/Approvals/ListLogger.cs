using Microsoft.Extensions.Logging;

namespace DurableVulns.Infrastructure.Tests.Approvals;

/// <summary>A logger that keeps what it was given, for asserting on log lines.</summary>
public sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (Entries) Entries.Add((logLevel, formatter(state, exception)));
    }
}
