using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Tests.Approvals;

/// <summary>An options monitor whose value a test can change, as a configuration reload would.</summary>
public sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
