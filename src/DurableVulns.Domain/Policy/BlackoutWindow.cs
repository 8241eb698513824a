namespace DurableVulns.Domain.Policy;

/// <summary>A major national event during which nothing is published without MPS consent (Art. 9(6)).</summary>
public sealed record BlackoutWindow(string Name, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>True when <paramref name="instant"/> falls in the window (from inclusive, to exclusive).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
