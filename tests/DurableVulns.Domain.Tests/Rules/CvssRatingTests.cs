using System.Globalization;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Tests.Rules;

public sealed class CvssRatingTests
{
    // Expected scores agree with the FIRST 3.1 formula and the FIRST 4.0 reference calculator.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", "6.1")]
    [InlineData("CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "1.8")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "10.0")]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "7.8")]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N", "5.9")]
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "6.5")]
    public void Score_Cvss31Vector_IsSpecificationBaseScore(string vector, string expected)
    {
        // Arrange
        var want = decimal.Parse(expected, CultureInfo.InvariantCulture);

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(want, score);
    }

    // Scope changed raises PR:L from 0.62 to 0.68 and PR:H from 0.27 to 0.50.
    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", "9.9")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "8.8")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:N", "5.5")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N", "3.8")]
    public void Score_Cvss31ScopeChanged_UsesScopeChangedPrivilegeWeights(string vector, string expected)
    {
        // Arrange
        var want = decimal.Parse(expected, CultureInfo.InvariantCulture);

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(want, score);
    }

    [Fact]
    public void Score_Cvss31NoImpact_IsZero()
    {
        // Arrange
        const string vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:N/A:N";

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(0m, score);
    }

    [Theory]
    [InlineData(Samples.Cvss40Critical, "9.3")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", "10.0")]
    [InlineData("CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "8.5")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N", "5.1")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", "6.9")]
    [InlineData("CVSS:4.0/AV:A/AC:H/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L", "5.4")]
    [InlineData("CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "9.2")]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", "1.0")]
    public void Score_Cvss40Vector_MatchesReferenceCalculator(string vector, string expected)
    {
        // Arrange
        var want = decimal.Parse(expected, CultureInfo.InvariantCulture);

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(want, score);
    }

    // The exact value is 4.95; the reference calculator's double arithmetic lands just below it.
    [Fact]
    public void Score_Cvss40ExactTie_RoundsLikeReferenceCalculator()
    {
        // Arrange
        const string vector = "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:H/SI:H/SA:H";

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(4.9m, score);
    }

    [Fact]
    public void Score_Cvss40NoImpact_IsZero()
    {
        // Arrange
        const string vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N";

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(0m, score);
        Assert.Equal(SeverityRating.None, CvssRating.Of(vector));
    }

    [Fact]
    public void Score_Cvss40WithThreatMetric_ScoresBaseMetricsOnly()
    {
        // Arrange
        const string vector = Samples.Cvss40Critical + "/E:U/CR:L";

        // Act
        var score = CvssRating.Score(vector);

        // Assert
        Assert.Equal(9.3m, score);
    }

    [Theory]
    [InlineData("0.0", "0.0")]
    [InlineData("10", "10.0")]
    [InlineData("7.5", "7.5")]
    [InlineData("7.50", "7.5")]
    public void Score_NumericScore_IsThatScore(string severity, string expected)
    {
        // Arrange
        var want = decimal.Parse(expected, CultureInfo.InvariantCulture);

        // Act
        var score = CvssRating.Score(severity);

        // Assert
        Assert.Equal(want, score);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("high")]
    [InlineData("10.1")]
    [InlineData("-1")]
    [InlineData("7.55")]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]
    [InlineData("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N")]
    public void Of_MissingOrUnparseable_IsUnrated(string? severity)
    {
        // Arrange
        // (the severity)

        // Act
        var rating = CvssRating.Of(severity);

        // Assert
        Assert.Equal(SeverityRating.Unrated, rating);
        Assert.Null(CvssRating.Score(severity));
    }

    [Theory]
    [InlineData("0.0", SeverityRating.None)]
    [InlineData("0.1", SeverityRating.Low)]
    [InlineData("3.9", SeverityRating.Low)]
    [InlineData("4.0", SeverityRating.Medium)]
    [InlineData("6.9", SeverityRating.Medium)]
    [InlineData("7.0", SeverityRating.High)]
    [InlineData("8.9", SeverityRating.High)]
    [InlineData("9.0", SeverityRating.Critical)]
    [InlineData("10.0", SeverityRating.Critical)]
    public void Of_ScoreOnBandEdge_IsThatBand(string severity, SeverityRating expected)
    {
        // Arrange
        // (the severity)

        // Act
        var rating = CvssRating.Of(severity);

        // Assert
        Assert.Equal(expected, rating);
    }

    [Theory]
    [InlineData(Samples.Cvss31Critical, SeverityRating.Critical)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:L", SeverityRating.High)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", SeverityRating.Medium)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:L/I:L/A:L", SeverityRating.Low)]
    [InlineData(Samples.Cvss40Critical, SeverityRating.Critical)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:H/SI:N/SA:N", SeverityRating.High)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:L/VI:L/VA:L/SC:H/SI:N/SA:N", SeverityRating.Medium)]
    [InlineData("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N", SeverityRating.Low)]
    public void Of_Vector_RatesItsScore(string vector, SeverityRating expected)
    {
        // Arrange
        // (the vector)

        // Act
        var rating = CvssRating.Of(vector);

        // Assert
        Assert.Equal(expected, rating);
    }
}
