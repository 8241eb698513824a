using DurableVulns.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace DurableVulns.Host.Tests;

/// <summary>
/// A host configured so that a legal duty's mail would reach nobody, or a production host with approval
/// links fit only for a laptop, refuses to start, saying which setting.
/// </summary>
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

    [Fact]
    public void Start_ProductionWithoutRecipientSettings_RefusesNamingEachList()
    {
        // Arrange: the placeholders ./run uses are Development's; a deployment must name its own.
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("AzureWebJobsStorage", DurableVulnsHost.ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", "startupchecks");
        });

        // Act
        var failure = Record.Exception(() => factory.CreateClient());

        // Assert: one failure per list, all reported at once.
        var invalid = Assert.IsType<AggregateException>(failure);
        Assert.All(invalid.InnerExceptions, inner => Assert.IsType<OptionsValidationException>(inner));
        Assert.Contains("DurableVulns:Psirt:Addresses needs at least one address", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("DurableVulns:Reviewers:MIIT needs at least one address", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("DurableVulns:Reviewers:MPS needs at least one address", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithLaptopApprovalSettings_RefusesNamingThem()
    {
        // Arrange: approvals left at their defaults (no key, http://127.0.0.1:5080).
        using var factory = ProductionHost(("DurableVulns:Approvals:SigningKey", ""), ("DurableVulns:Approvals:PublicBaseUrl", "http://127.0.0.1:5080"));

        // Act
        var failure = Record.Exception(() => factory.CreateClient());

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("DurableVulns:Approvals:SigningKey must be set outside Development", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("DurableVulns:Approvals:PublicBaseUrl must be an https address", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ProductionWithoutStorageConnection_RefusesNamingIt()
    {
        // Arrange
        using var factory = ProductionHost(("AzureWebJobsStorage", ""));

        // Act
        var failure = Record.Exception(() => factory.CreateClient());

        // Assert
        var invalid = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("AzureWebJobsStorage must be set outside Development", invalid.Message, StringComparison.Ordinal);
    }

    /// <summary>A production host with everything it needs to start, but for <paramref name="overrides"/>.</summary>
    private static WebApplicationFactory<Program> ProductionHost(params (string Setting, string Value)[] overrides) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("AzureWebJobsStorage", DurableVulnsHost.ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", "startupchecks");
            builder.UseSetting("DurableVulns:Psirt:Addresses:0", DurableVulnsHost.PsirtAddress);
            builder.UseSetting("DurableVulns:Reviewers:MIIT:0", DurableVulnsHost.MiitReviewer);
            builder.UseSetting("DurableVulns:Reviewers:MPS:0", DurableVulnsHost.MpsReviewer);
            builder.UseSetting("DurableVulns:Approvals:SigningKey", DurableVulnsHost.SigningKey);
            builder.UseSetting("DurableVulns:Approvals:PublicBaseUrl", "https://psirt.acme.example.cn");
            foreach (var (setting, value) in overrides) builder.UseSetting(setting, value);
        });
}
