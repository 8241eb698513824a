using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Tests.Approvals;

/// <summary>An options monitor whose value a test can change, as a configuration reload would.</summary>
public sealed class TestOptionsMonitor<T>(T initial) : IOptionsMonitor<T>
{
    private T current = initial;

    /// <summary>Thrown by <see cref="CurrentValue"/> when set, as a reload that fails validation throws.</summary>
    public Exception? Failure { get; set; }

    public T CurrentValue
    {
        get => Failure is null ? current : throw Failure;
        set => current = value;
    }

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
