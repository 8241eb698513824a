using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class PatchValidatorTests
{
    [Fact]
    public void Validate_FixedVersionAndMultilineFix_HasNoErrors()
    {
        // Arrange
        var patch = new PatchRelease("2.3.2", "升级到 2.3.2。\nUpgrade to 2.3.2, or disable the diagnostics page:\n\tSettings > Diagnostics > Off");

        // Act
        var errors = PatchValidator.Validate(patch);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, "Upgrade.", "fixedVersion")]
    [InlineData("", "Upgrade.", "fixedVersion")]
    [InlineData("2.3.2\n", "Upgrade.", "fixedVersion")]
    [InlineData("2.3.2", null, "fix")]
    [InlineData("2.3.2", " \n ", "fix")]
    [InlineData("2.3.2", "Upgrade\u0000.", "fix")]
    public void Validate_BadField_ErrorUnderThatField(string? fixedVersion, string? fix, string expectedField)
    {
        // Arrange
        var patch = new PatchRelease(fixedVersion!, fix!);

        // Act
        var errors = PatchValidator.Validate(patch);

        // Assert
        Assert.Equal([expectedField], errors.Fields());
    }

    [Fact]
    public void Validate_TooLong_ErrorUnderEachField()
    {
        // Arrange
        var patch = new PatchRelease(
            new string('1', ReportValidator.MaxLineLength + 1),
            new string('a', AssessmentValidator.MaxTextLength + 1));

        // Act
        var errors = PatchValidator.Validate(patch);

        // Assert
        Assert.Equal(["fix", "fixedVersion"], errors.Fields());
    }

    [Fact]
    public void Validate_NullPatch_ErrorAtRoot()
    {
        // Arrange
        PatchRelease? patch = null;

        // Act
        var errors = PatchValidator.Validate(patch);

        // Assert
        Assert.Equal(["$"], errors.Fields());
    }
}
