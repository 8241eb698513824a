namespace DurableVulns.Domain.Rules;

/// <summary>Shows instants in the policy's time zone (China Standard Time by default).</summary>
public static class ChinaTime
{
    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>The same instant with the zone's offset, e.g. <c>2026-11-28T14:00:00+08:00</c>.</summary>
    public static DateTimeOffset ToZone(DateTimeOffset instant, string timeZoneId = DefaultZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
