using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class MiitSubmissionValidatorTests
{
    [Theory]
    [InlineData("NVDB-2026-000123")]
    [InlineData("工信部受理编号 2026-11-27-0042")]
    public void Validate_ReceiptId_HasNoErrors(string receiptId)
    {
        // Arrange
        var submission = new MiitSubmission(receiptId);

        // Act
        var errors = MiitSubmissionValidator.Validate(submission);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NVDB-1\nNVDB-2")]
    [InlineData("NVDB-\u00001")]
    public void Validate_BadReceiptId_ErrorUnderReceiptId(string? receiptId)
    {
        // Arrange
        var submission = new MiitSubmission(receiptId!);

        // Act
        var errors = MiitSubmissionValidator.Validate(submission);

        // Assert
        Assert.Equal(["receiptId"], errors.Fields());
    }

    [Fact]
    public void Validate_ReceiptIdTooLong_ErrorUnderReceiptId()
    {
        // Arrange
        var submission = new MiitSubmission(new string('N', ReportValidator.MaxLineLength + 1));

        // Act
        var errors = MiitSubmissionValidator.Validate(submission);

        // Assert
        Assert.Equal(["receiptId"], errors.Fields());
    }

    [Fact]
    public void Validate_NullSubmission_ErrorAtRoot()
    {
        // Arrange
        MiitSubmission? submission = null;

        // Act
        var errors = MiitSubmissionValidator.Validate(submission);

        // Assert
        Assert.Equal(["$"], errors.Fields());
    }
}
