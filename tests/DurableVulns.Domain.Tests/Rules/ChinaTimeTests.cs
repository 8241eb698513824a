using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Rules;

public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("2026-11-28T20:00:00Z", "2026-11-29T04:00:00+08:00")]
    [InlineData("2026-11-28T15:59:59Z", "2026-11-28T23:59:59+08:00")]
    [InlineData("2026-07-01T00:00:00Z", "2026-07-01T08:00:00+08:00")]
    public void ToZone_DefaultZone_IsChinaStandardTimeWithoutDaylightSaving(string utc, string expected)
    {
        // Arrange
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        // Act
        var local = ChinaTime.ToZone(instant);

        // Assert
        Assert.Equal(expected, local.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(instant, local);
    }

    [Fact]
    public void ToZone_OtherZone_UsesThatZonesOffset()
    {
        // Arrange
        var instant = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);

        // Act
        var local = ChinaTime.ToZone(instant, "Europe/Berlin");

        // Assert
        Assert.Equal(TimeSpan.FromHours(1), local.Offset);
        Assert.Equal(21, local.Hour);
    }

    [Fact]
    public void DefaultZone_IsAsiaShanghai()
    {
        // Arrange
        // (a constant)

        // Act
        var zone = ChinaTime.DefaultZone;

        // Assert
        Assert.Equal("Asia/Shanghai", zone);
    }
}
