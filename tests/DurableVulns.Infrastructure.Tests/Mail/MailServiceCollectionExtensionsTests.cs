using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Tests.Mail;

public sealed class MailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDurableVulnsMail_NoMailSection_ResolvesPickupDirectoryMailer()
    {
        // Arrange
        var services = new ServiceCollection();

        // Act
        services.AddDurableVulnsMail(Configuration([]));

        // Assert
        using var provider = services.BuildServiceProvider();
        Assert.IsType<PickupDirectoryMailer>(provider.GetRequiredService<IMailer>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddDurableVulnsMail_SendGridWithoutApiKey_ThrowsInvalidOperationException()
    {
        // Arrange
        var services = new ServiceCollection();
        var configuration = Configuration(new() { ["DurableVulns:Mail:Mode"] = "SendGrid" });

        // Act
        var act = () => services.AddDurableVulnsMail(configuration);

        // Assert
        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.Equal("DurableVulns:Mail:SendGridApiKey is required when DurableVulns:Mail:Mode is SendGrid", error.Message);
    }

    [Fact]
    public void AddDurableVulnsMail_SendGridWithApiKey_ResolvesSendGridMailer()
    {
        // Arrange
        var services = new ServiceCollection();
        var configuration = Configuration(new()
        {
            ["DurableVulns:Mail:Mode"] = "SendGrid",
            ["DurableVulns:Mail:SendGridApiKey"] = "SG.test-key",
            ["DurableVulns:Mail:From"] = "psirt@acme.example.cn",
        });

        // Act
        services.AddDurableVulnsMail(configuration);

        // Assert
        using var provider = services.BuildServiceProvider();
        Assert.IsType<SendGridMailer>(provider.GetRequiredService<IMailer>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("psirt@durablevulns.local")]
    [InlineData("psirt@acme.example")]
    [InlineData("psirt@mail.example.com")]
    [InlineData("psirt@ci.test")]
    public void AddDurableVulnsMail_SendGridWithReservedSender_ThrowsNamingTheSetting(string? from)
    {
        // Arrange: the default sender, or another one SendGrid could never verify.
        var services = new ServiceCollection();
        var values = new Dictionary<string, string?> { ["DurableVulns:Mail:Mode"] = "SendGrid", ["DurableVulns:Mail:SendGridApiKey"] = "SG.test-key" };
        if (from is not null) values["DurableVulns:Mail:From"] = from;

        // Act
        var act = () => services.AddDurableVulnsMail(Configuration(values));

        // Assert
        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.StartsWith("DurableVulns:Mail:From must be a sender verified in SendGrid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PSIRT <psirt@acme.example.cn>")]
    public void AddDurableVulnsMail_SenderNotOnePlainAddress_ThrowsNamingTheSetting(string from)
    {
        // Arrange
        var services = new ServiceCollection();
        var configuration = Configuration(new() { ["DurableVulns:Mail:From"] = from });

        // Act
        var act = () => services.AddDurableVulnsMail(configuration);

        // Assert
        var error = Assert.Throws<InvalidOperationException>(act);
        Assert.Equal("DurableVulns:Mail:From must be one plain e-mail address.", error.Message);
    }

    [Fact]
    public void AddDurableVulnsMail_TemplatesSection_BindsTemplateIdsByName()
    {
        // Arrange
        var services = new ServiceCollection();
        var configuration = Configuration(new()
        {
            ["DurableVulns:Mail:Templates:review-request"] = "d-0123456789abcdef0123456789abcdef",
        });

        // Act
        services.AddDurableVulnsMail(configuration);

        // Assert
        using var provider = services.BuildServiceProvider();
        var templates = provider.GetRequiredService<IOptions<MailOptions>>().Value.Templates;
        Assert.Equal("d-0123456789abcdef0123456789abcdef", Assert.Single(templates, t => t.Key == "review-request").Value);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
