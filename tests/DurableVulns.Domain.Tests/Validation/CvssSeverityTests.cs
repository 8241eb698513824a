using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class CvssSeverityTests
{
    [Theory]
    [InlineData(Samples.Cvss31Critical)]
    [InlineData("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:C/C:N/I:L/A:N")]
    [InlineData("CVSS:3.1/AC:L/AV:N/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C")]
    [InlineData(Samples.Cvss40Critical)]
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:L/SI:L/SA:L")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A")]
    public void IsValid_CompleteBaseVector_ReturnsTrue(string vector)
    {
        // Arrange
        // (the input is the vector)

        // Act
        var valid = CvssSeverity.IsValid(vector);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")] // A missing
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H")] // S missing
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // bad value
    [InlineData("CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // value of two letters
    [InlineData("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // lower case
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N")] // duplicate base metric
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/E:U")] // duplicate other metric
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/")] // empty metric
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:")] // empty value
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:H")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:P/S:U/C:H/I:H/A:H")] // UI:P is 4.0 only
    [InlineData("CVSS:3.1/")]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // 3.0 not accepted
    [InlineData("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // no prefix
    [InlineData("cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")] // SA missing
    [InlineData("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")] // a 3.1 vector under 4.0
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")] // UI:R is 3.1 only
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N")] // S only in MSI
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/VC:L")] // duplicate
    public void IsValid_BrokenVector_ReturnsFalse(string vector)
    {
        // Arrange
        // (the input is the vector)

        // Act
        var valid = CvssSeverity.IsValid(vector);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("9.8")]
    [InlineData("10")]
    [InlineData("10.0")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("5.3")]
    public void IsValid_BaseScoreInRange_ReturnsTrue(string score)
    {
        // Arrange
        // (the input is the score)

        // Act
        var valid = CvssSeverity.IsValid(score);

        // Assert
        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("10.1")]
    [InlineData("11")]
    [InlineData("9.85")]
    [InlineData("-1")]
    [InlineData("+9.8")]
    [InlineData("9,8")]
    [InlineData(" 9.8")]
    [InlineData("1e1")]
    [InlineData("Critical")]
    [InlineData("高危")]
    public void IsValid_NotAScoreOrVector_ReturnsFalse(string? severity)
    {
        // Arrange
        // (the input is the severity)

        // Act
        var valid = CvssSeverity.IsValid(severity);

        // Assert
        Assert.False(valid);
    }

    [Fact]
    public void IsValid_VectorWithOtherMetricsUnder300Characters_ReturnsTrue()
    {
        // Arrange
        var vector = Samples.Cvss31Critical + string.Concat(Enumerable.Range(0, 40).Select(i => $"/X{i}:Y"));
        Assert.True(vector.Length <= 300);

        // Act
        var valid = CvssSeverity.IsValid(vector);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsValid_Over300Characters_ReturnsFalse()
    {
        // Arrange
        var vector = Samples.Cvss31Critical + string.Concat(Enumerable.Range(0, 60).Select(i => $"/X{i}:Y"));
        Assert.True(vector.Length > 300);

        // Act
        var valid = CvssSeverity.IsValid(vector);

        // Assert
        Assert.False(valid);
    }
}
