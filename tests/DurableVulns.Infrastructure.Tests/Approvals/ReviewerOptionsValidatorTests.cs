using DurableVulns.Infrastructure.Approvals;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class ReviewerOptionsValidatorTests
{
    private readonly ReviewerOptionsValidator validator = new();

    [Fact]
    public void Validate_ReviewerOfEachRole_Succeeds()
    {
        // Act
        var result = validator.Validate(null, new ReviewerOptions { MIIT = ["a@miit.example.cn", "b@miit.example.cn"], MPS = ["c@mps.example.cn"] });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(true, "DurableVulns:Reviewers:MIIT needs at least one address")]
    [InlineData(false, "DurableVulns:Reviewers:MPS needs at least one address")]
    public void Validate_RoleWithoutReviewer_FailsNamingTheRole(bool miitMissing, string expected)
    {
        // Arrange
        var options = miitMissing
            ? new ReviewerOptions { MPS = ["c@mps.example.cn"] }
            : new ReviewerOptions { MIIT = ["a@miit.example.cn"] };

        // Act
        var result = validator.Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("sign-off of both MIIT and MPS", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("b@example.cn")]
    [InlineData(" B@Example.CN ")]
    public void Validate_AddressOnBothLists_FailsNamingIt(string asMps)
    {
        // Arrange
        var options = new ReviewerOptions { MIIT = ["a@miit.example.cn", "b@example.cn"], MPS = ["c@mps.example.cn", asMps] };

        // Act
        var result = validator.Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("b@example.cn is both a MIIT and an MPS reviewer", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedReviewer_FailsNamingItsEntry()
    {
        // Act
        var result = validator.Validate(null, new ReviewerOptions { MIIT = ["a@miit.example.cn"], MPS = ["reviewer@localhost"] });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("DurableVulns:Reviewers:MPS:0 must be one plain e-mail address", result.FailureMessage, StringComparison.Ordinal);
    }
}
