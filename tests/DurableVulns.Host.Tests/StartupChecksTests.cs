using DurableVulns.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace DurableVulns.Host.Tests;

/// <summary>A host configured so that a legal duty's mail would reach nobody refuses to start, saying which setting.</summary>
public sealed class StartupChecksTests
{
    [Theory]
    [InlineData("DurableVulns:Psirt:Addresses:0", "", "DurableVulns:Psirt:Addresses:0 must be one plain e-mail address")]
    [InlineData("DurableVulns:Reviewers:MPS:0", "mps-reviewer", "DurableVulns:Reviewers:MPS:0 must be one plain e-mail address")]
    public void Start_BadRecipientSetting_RefusesNamingIt(string setting, string value, string expected)
    {
        // Arrange
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AzureWebJobsStorage", DurableVulnsHost.ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", "startupchecks");
            builder.UseSetting(setting, value);
        });

        // Act
        var failure = Record.Exception(() => factory.CreateClient());

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(expected, invalid.Message, StringComparison.Ordinal);
    }
}
