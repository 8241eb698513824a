using DurableVulns.Infrastructure.Approvals;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class ApprovalOptionsValidatorTests
{
    private readonly ApprovalOptionsValidator validator = new();

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "https://vulns.example.cn/base/")]
    public void Validate_GoodSettings_Succeeds(string? key, string baseUrl)
    {
        // Act
        var result = validator.Validate(null, new ApprovalOptions { SigningKey = key, PublicBaseUrl = baseUrl });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("too-short", "http://127.0.0.1:5080", "SigningKey")]
    [InlineData(null, "/approvals", "PublicBaseUrl")]
    [InlineData(null, "ftp://example.cn", "PublicBaseUrl")]
    [InlineData(null, "javascript:alert(1)", "PublicBaseUrl")]
    [InlineData(null, "https://example.cn/?x=1", "PublicBaseUrl")]
    [InlineData(null, "https://user:pw@example.cn", "PublicBaseUrl")]
    public void Validate_BadSetting_FailsNamingIt(string? key, string baseUrl, string named)
    {
        // Act
        var result = validator.Validate(null, new ApprovalOptions { SigningKey = key, PublicBaseUrl = baseUrl });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
