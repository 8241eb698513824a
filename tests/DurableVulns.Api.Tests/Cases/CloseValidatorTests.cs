using DurableVulns.Api.Cases;
using DurableVulns.Workflows.Contracts;

namespace DurableVulns.Api.Tests.Cases;

public sealed class CloseValidatorTests
{
    [Fact]
    public void Validate_NoBody_ReturnsNoErrors()
    {
        // Arrange
        CloseRequest? request = null;

        // Act
        var errors = CloseValidator.Validate(request);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Validate_NoReason_ReturnsNoErrors()
    {
        // Arrange
        var request = new CloseRequest(null);

        // Act
        var errors = CloseValidator.Validate(request);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Validate_ChineseReasonOf1000Chars_ReturnsNoErrors()
    {
        // Arrange
        var request = new CloseRequest(new string('修', 1_000));

        // Act
        var errors = CloseValidator.Validate(request);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Validate_ReasonOf1001Chars_ReportsReasonTooLong()
    {
        // Arrange
        var request = new CloseRequest(new string('x', 1_001));

        // Act
        var errors = CloseValidator.Validate(request);

        // Assert
        var messages = Assert.Single(errors.ToDictionary());
        Assert.Equal("reason", messages.Key);
        Assert.Equal(["must be at most 1000 characters."], messages.Value);
    }

    [Theory]
    [InlineData("fixed\nin 1.2.4")]
    [InlineData("fixed\tin 1.2.4")]
    [InlineData("fixed\u0000")]
    public void Validate_ReasonWithControlCharacters_ReportsReason(string reason)
    {
        // Arrange
        var request = new CloseRequest(reason);

        // Act
        var errors = CloseValidator.Validate(request);

        // Assert
        Assert.Equal(["must be one line without control characters."], errors.ToDictionary()["reason"]);
    }
}
