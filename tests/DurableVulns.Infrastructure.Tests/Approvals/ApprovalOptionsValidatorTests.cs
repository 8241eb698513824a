using DurableVulns.Infrastructure.Approvals;
using Microsoft.Extensions.Hosting;
using Moq;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class ApprovalOptionsValidatorTests
{
    private const string Key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private readonly ApprovalOptionsValidator validator = In(Environments.Development);

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

    [Theory]
    [InlineData(Key, "https://vulns.example.cn/")]
    [InlineData(Key, "https://vulns.example.cn/base/")]
    public void Validate_ProductionWithKeyAndHttpsAddress_Succeeds(string key, string baseUrl)
    {
        // Act
        var result = In(Environments.Production).Validate(null, new ApprovalOptions { SigningKey = key, PublicBaseUrl = baseUrl });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, "https://vulns.example.cn/", "SigningKey must be set outside Development")]
    [InlineData(Key, "http://vulns.example.cn/", "PublicBaseUrl must be an https address")]
    [InlineData(Key, "https://127.0.0.1:5080", "PublicBaseUrl must be an https address")]
    [InlineData(Key, "https://localhost/", "PublicBaseUrl must be an https address")]
    [InlineData(null, "http://127.0.0.1:5080", "SigningKey must be set outside Development")]
    public void Validate_ProductionWithLaptopSetting_FailsNamingIt(string? key, string baseUrl, string expected)
    {
        // Act: the last row is ApprovalOptions' defaults, which Development accepts.
        var result = In(Environments.Production).Validate(null, new ApprovalOptions { SigningKey = key, PublicBaseUrl = baseUrl });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static ApprovalOptionsValidator In(string environment) =>
        new(Mock.Of<IHostEnvironment>(e => e.EnvironmentName == environment));
}
