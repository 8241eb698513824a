using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Mail;

public sealed class PsirtOptionsValidatorTests
{
    private readonly PsirtOptionsValidator validator = new();

    [Fact]
    public void Validate_OneAddressNoUserList_Succeeds()
    {
        // Act
        var result = validator.Validate(null, new PsirtOptions { Addresses = ["psirt@acme.example.cn"] });

        // Assert
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoAddress_FailsSayingWhoWouldMissTheClock()
    {
        // Act
        var result = validator.Validate(null, new PsirtOptions { AffectedUserAddresses = ["users@acme.example.cn"] });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("DurableVulns:Psirt:Addresses needs at least one address", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MIIT clock", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("PSIRT <psirt@acme.example.cn>")]
    [InlineData("a@b.cn, c@d.cn")]
    [InlineData("ops/psirt@acme.example.cn")]
    public void Validate_MalformedAddress_FailsNamingItsEntry(string address)
    {
        // Act
        var result = validator.Validate(null, new PsirtOptions { Addresses = ["psirt@acme.example.cn", address] });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("DurableVulns:Psirt:Addresses:1 must be one plain e-mail address", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedUserAddress_FailsNamingItsEntry()
    {
        // Act
        var result = validator.Validate(null, new PsirtOptions { Addresses = ["psirt@acme.example.cn"], AffectedUserAddresses = ["users"] });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("DurableVulns:Psirt:AffectedUserAddresses:0 must be one plain e-mail address", result.FailureMessage, StringComparison.Ordinal);
    }
}
