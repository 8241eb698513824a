namespace DurableVulns.Api.Tests.Approvals;

/// <summary>A clock that always says the same instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
