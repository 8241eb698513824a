namespace DurableVulns.Domain.Policy;

/// <summary>A major national event during which nothing is published without MPS consent (Art. 9(6)).</summary>
public sealed record BlackoutWindow(string Name, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>True when <paramref name="instant"/> falls in the window (from inclusive, to exclusive).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The first of <paramref name="windows"/> that <paramref name="instant"/> falls in, if any.</summary>
    public static BlackoutWindow? At(IEnumerable<BlackoutWindow>? windows, DateTimeOffset instant) => windows?.FirstOrDefault(w => w.Contains(instant));
}
