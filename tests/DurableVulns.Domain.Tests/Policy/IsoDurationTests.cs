using DurableVulns.Domain.Policy;

namespace DurableVulns.Domain.Tests.Policy;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("PT48H", 48 * 3600.0)]
    [InlineData("P2D", 48 * 3600.0)]
    [InlineData("P183D", 183 * 86400.0)]
    [InlineData("PT1.5S", 1.5)]
    [InlineData("P1W", 7 * 86400.0)]
    [InlineData("P1W1D", 8 * 86400.0)]
    [InlineData("P1DT2H3M4S", 93784.0)]
    [InlineData("PT90M", 5400.0)]
    [InlineData("PT0S", 0.0)]
    [InlineData("P0D", 0.0)]
    public void TryParse_FixedLengthDuration_ReturnsSeconds(string text, double expectedSeconds)
    {
        // Arrange
        var expected = TimeSpan.FromSeconds(expectedSeconds);

        // Act
        var parsed = IsoDuration.TryParse(text, out var duration);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("P1Y2M3D")]
    [InlineData("-PT1H")]
    [InlineData("PT1H30")]
    [InlineData("PT-1H")]
    [InlineData("48 hours")]
    [InlineData("PT48h")]
    [InlineData("pt48h")]
    [InlineData("P1.5D")]
    [InlineData("PT.5S")]
    [InlineData("PT1,5S")]
    [InlineData(" PT48H")]
    [InlineData("PT48H ")]
    [InlineData("2.00:00:00")]
    [InlineData("P99999999999999D")]
    public void TryParse_NotFixedLengthDuration_ReturnsFalse(string? text)
    {
        // Arrange
        // (the input is the text)

        // Act
        var parsed = IsoDuration.TryParse(text, out var duration);

        // Assert
        Assert.False(parsed);
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData("PT\uFF14\uFF18H")]
    [InlineData("P\u0661D")]
    public void TryParse_NonAsciiDigits_ReturnsFalse(string text)
    {
        // Arrange
        // (fullwidth digits are what a Chinese input method types by default)

        // Act
        var parsed = IsoDuration.TryParse(text, out _);

        // Assert
        Assert.False(parsed);
    }

    [Theory]
    [InlineData(48 * 3_600_000L, "P2D")]
    [InlineData(183 * 86_400_000L, "P183D")]
    [InlineData(1_500L, "PT1.5S")]
    [InlineData(7 * 86_400_000L, "P7D")]
    [InlineData(44 * 3_600_000L, "P1DT20H")]
    [InlineData(5_400_000L, "PT1H30M")]
    [InlineData(93_784_005L, "P1DT2H3M4.005S")]
    [InlineData(0L, "PT0S")]
    public void Format_Duration_ReturnsIsoText(long milliseconds, string expected)
    {
        // Arrange
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        // Act
        var text = IsoDuration.Format(duration);

        // Assert
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("PT48H")]
    [InlineData("P183D")]
    [InlineData("PT1.5S")]
    [InlineData("P1W")]
    [InlineData("PT44H")]
    [InlineData("P1DT2H3M4.25S")]
    public void Format_ParsedDuration_ParsesBackToSameDuration(string text)
    {
        // Arrange
        Assert.True(IsoDuration.TryParse(text, out var duration));

        // Act
        var formatted = IsoDuration.Format(duration);

        // Assert
        Assert.True(IsoDuration.TryParse(formatted, out var reparsed));
        Assert.Equal(duration, reparsed);
    }
}
