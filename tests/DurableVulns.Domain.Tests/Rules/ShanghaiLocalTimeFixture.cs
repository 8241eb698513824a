namespace DurableVulns.Domain.Tests.Rules;

/// <summary>
/// Makes the process's local time zone Asia/Shanghai (TZ variable, Unix) while a test class
/// runs, so that local-time handling is checked on a host that is not on UTC.
/// </summary>
public sealed class ShanghaiLocalTimeFixture : IDisposable
{
    private readonly string? previous = Environment.GetEnvironmentVariable("TZ");

    public ShanghaiLocalTimeFixture()
    {
        Environment.SetEnvironmentVariable("TZ", "Asia/Shanghai");
        TimeZoneInfo.ClearCachedData();
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", previous);
        TimeZoneInfo.ClearCachedData();
    }
}
