using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class AssessmentValidatorTests
{
    [Theory]
    [InlineData(Samples.Cvss31Critical)]
    [InlineData(Samples.Cvss40Critical)]
    [InlineData("9.8")]
    [InlineData("0.0")]
    public void Validate_SampleAssessment_HasNoErrors(string severity)
    {
        // Arrange
        var assessment = Samples.Assessment() with { Severity = severity };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Validate_ChineseMultilineTexts_HasNoErrors()
    {
        // Arrange
        var assessment = Samples.Assessment() with
        {
            TechnicalCharacteristics = "诊断接口未过滤主机名参数。\n可拼接任意命令。",
            Harm = "攻击者可远程以 root 权限执行命令。",
            Scope = "RX-100 全部 2.3.x 版本\t（管理界面可达时）",
        };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("severity", null)]
    [InlineData("severity", "")]
    [InlineData("severity", "10.1")]
    [InlineData("severity", "9.85")]
    [InlineData("severity", "-1")]
    [InlineData("severity", "critical")]
    [InlineData("severity", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")]
    [InlineData("technicalCharacteristics", null)]
    [InlineData("technicalCharacteristics", " ")]
    [InlineData("technicalCharacteristics", "bad\u0000byte")]
    [InlineData("harm", "")]
    [InlineData("harm", "\u001B[31mred")]
    [InlineData("scope", null)]
    [InlineData("scope", "\r\n")]
    public void Validate_BadField_ErrorUnderThatField(string field, string? value)
    {
        // Arrange
        var sample = Samples.Assessment();
        var assessment = field switch
        {
            "severity" => sample with { Severity = value! },
            "technicalCharacteristics" => sample with { TechnicalCharacteristics = value! },
            "harm" => sample with { Harm = value! },
            "scope" => sample with { Scope = value! },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such assessment field."),
        };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal([field], errors.Fields());
    }

    [Theory]
    [InlineData("technicalCharacteristics")]
    [InlineData("harm")]
    [InlineData("scope")]
    public void Validate_TextTooLong_ErrorUnderThatField(string field)
    {
        // Arrange
        var text = new string('a', AssessmentValidator.MaxTextLength + 1);
        var sample = Samples.Assessment();
        var assessment = field switch
        {
            "technicalCharacteristics" => sample with { TechnicalCharacteristics = text },
            "harm" => sample with { Harm = text },
            _ => sample with { Scope = text },
        };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal([field], errors.Fields());
    }

    [Fact]
    public void Validate_UpstreamComponentFound_HasNoErrors()
    {
        // Arrange
        var assessment = Samples.Assessment() with { UpstreamComponent = new UpstreamComponent("libbar 1.2", "psirt@libbar.example") };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("", "psirt@libbar.example", "upstreamComponent.name")]
    [InlineData("libbar", "", "upstreamComponent.providerEmail")]
    [InlineData("libbar", "not an address", "upstreamComponent.providerEmail")]
    public void Validate_UpstreamComponentIncomplete_ErrorUnderItsField(string name, string email, string field)
    {
        // Arrange
        var assessment = Samples.Assessment() with { UpstreamComponent = new UpstreamComponent(name, email) };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal([field], errors.Fields());
    }

    [Fact]
    public void Validate_NoAffectedVersions_ErrorUnderAffectedVersions()
    {
        // Arrange
        var assessment = Samples.Assessment() with { AffectedVersions = [] };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions"], errors.Fields());
    }

    [Fact]
    public void Validate_NullAffectedVersions_ErrorUnderAffectedVersions()
    {
        // Arrange
        var assessment = Samples.Assessment() with { AffectedVersions = null! };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions"], errors.Fields());
    }

    [Fact]
    public void Validate_TooManyAffectedVersions_ErrorUnderAffectedVersions()
    {
        // Arrange
        var versions = Enumerable.Range(0, AssessmentValidator.MaxVersions + 1).Select(i => $"1.0.{i}").ToList();
        var assessment = Samples.Assessment() with { AffectedVersions = versions };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions"], errors.Fields());
    }

    [Fact]
    public void Validate_MaximumAffectedVersions_HasNoErrors()
    {
        // Arrange
        var versions = Enumerable.Range(0, AssessmentValidator.MaxVersions).Select(i => $"1.0.{i}").ToList();
        var assessment = Samples.Assessment() with { AffectedVersions = versions };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2.3.1\n2.3.2")]
    [InlineData("2.3.1\u0000")]
    public void Validate_BadSecondVersion_ErrorUnderItsIndex(string? version)
    {
        // Arrange
        var assessment = Samples.Assessment() with { AffectedVersions = ["2.3.0", version!, "2.3.2"] };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions[1]"], errors.Fields());
    }

    [Fact]
    public void Validate_VersionTooLong_ErrorUnderItsIndex()
    {
        // Arrange
        var assessment = Samples.Assessment() with { AffectedVersions = [new string('9', ReportValidator.MaxLineLength + 1)] };

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions[0]"], errors.Fields());
    }

    [Fact]
    public void Validate_NullAssessment_ErrorAtRoot()
    {
        // Arrange
        Assessment? assessment = null;

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["$"], errors.Fields());
    }

    [Fact]
    public void Validate_EverythingMissing_ErrorUnderEachField()
    {
        // Arrange
        var assessment = new Assessment(null!, null!, null!, null!, null!);

        // Act
        var errors = AssessmentValidator.Validate(assessment);

        // Assert
        Assert.Equal(["affectedVersions", "harm", "scope", "severity", "technicalCharacteristics"], errors.Fields());
    }
}
