namespace DurableVulns.Domain.Rules;

/// <summary>
/// Instants are kept in UTC. A <see cref="DateTime"/> that arrives with no kind (from JSON or a
/// table column) is taken as UTC, as it was written; a local one is converted.
/// </summary>
public static class UtcTime
{
    public static DateTime AsUtc(this DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
