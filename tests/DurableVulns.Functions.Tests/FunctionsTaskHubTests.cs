using Microsoft.Extensions.Configuration;

namespace DurableVulns.Functions.Tests;

/// <summary>The worker names our tables after the hub host.json names, or refuses to start.</summary>
public sealed class FunctionsTaskHubTests
{
    [Fact]
    public void From_FlatSettingOnly_ReturnsIt()
    {
        // Arrange
        var configuration = Configuration((FunctionsTaskHub.Setting, "PsirtHub"));

        // Act
        var hub = FunctionsTaskHub.From(configuration);

        // Assert
        Assert.Equal("PsirtHub", hub);
    }

    [Fact]
    public void From_BothSettingsAlike_ReturnsTheHub()
    {
        // Arrange
        var configuration = Configuration((FunctionsTaskHub.Setting, "PsirtHub"), ("DurableVulns:TaskHub", "PsirtHub"));

        // Act
        var hub = FunctionsTaskHub.From(configuration);

        // Assert
        Assert.Equal("PsirtHub", hub);
    }

    [Fact]
    public void From_FlatSettingMissing_ThrowsNamingIt()
    {
        // Arrange: the name the standalone host reads is not enough here.
        var configuration = Configuration(("DurableVulns:TaskHub", "PsirtHub"));

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => FunctionsTaskHub.From(configuration));

        // Assert
        Assert.Contains(FunctionsTaskHub.Setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_SettingsNameDifferentHubs_Throws()
    {
        // Arrange
        var configuration = Configuration((FunctionsTaskHub.Setting, "PsirtHub"), ("DurableVulns:TaskHub", "OtherHub"));

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => FunctionsTaskHub.From(configuration));

        // Assert
        Assert.Contains("OtherHub", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
