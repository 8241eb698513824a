using System.Security.Cryptography;
using DurableVulns.Infrastructure.Approvals;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class ApprovalSigningKeyTests
{
    [Fact]
    public void Parse_Base64Of32Bytes_ReturnsTheBytes()
    {
        // Arrange
        var bytes = RandomNumberGenerator.GetBytes(32);

        // Act
        var key = ApprovalSigningKey.Parse(Convert.ToBase64String(bytes));

        // Assert
        Assert.Equal(bytes, key);
    }

    [Fact]
    public void Parse_UrlSafeUnpaddedBase64_ReturnsTheBytes()
    {
        // Arrange
        var bytes = Enumerable.Repeat((byte)0xFB, 33).ToArray();
        var text = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        // Act
        var key = ApprovalSigningKey.Parse(text);

        // Assert
        Assert.Equal(bytes, key);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    [InlineData("this is a passphrase, not base64 at all!!!!!!")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_ShortOrNotBase64_ReturnsNull(string? text)
    {
        // Act
        var key = ApprovalSigningKey.Parse(text);

        // Assert
        Assert.Null(key);
    }

    [Fact]
    public void Resolve_NoKey_ReturnsRandomKeyAndWarns()
    {
        // Arrange
        var logger = new ListLogger();

        // Act
        var first = ApprovalSigningKey.Resolve(new ApprovalOptions(), logger);
        var second = ApprovalSigningKey.Resolve(new ApprovalOptions(), logger);

        // Assert
        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(2, logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("SigningKey", StringComparison.Ordinal)));
    }

    [Fact]
    public void Resolve_ConfiguredKey_ReturnsItWithoutWarning()
    {
        // Arrange
        var logger = new ListLogger();
        var bytes = RandomNumberGenerator.GetBytes(32);

        // Act
        var key = ApprovalSigningKey.Resolve(new ApprovalOptions { SigningKey = Convert.ToBase64String(bytes) }, logger);

        // Assert
        Assert.Equal(bytes, key);
        Assert.Empty(logger.Entries);
    }
}
