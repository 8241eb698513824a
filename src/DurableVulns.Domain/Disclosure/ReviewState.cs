namespace DurableVulns.Domain.Disclosure;

/// <summary>Where a review stands. Anything but <see cref="Approved"/> keeps the embargo.</summary>
public enum ReviewState
{
    Pending,
    Approved,
    Rejected,
    TimedOut,
}
