using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace DurableVulns.Functions.Tests;

/// <summary>
/// host.json and the worker name the same task hub, by a setting the Functions host can resolve.
/// </summary>
public sealed partial class FunctionsTaskHubTests
{
    [Fact]
    public void HostJson_HubName_IsTheFlatSetting()
    {
        // Arrange
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"));
        using var hostJson = JsonDocument.Parse(text);

        // Act
        var hubName = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();

        // Assert: and no %setting% of host.json holds "__", which the Functions host leaves unresolved.
        Assert.Equal($"%{FunctionsTaskHub.Setting}%", hubName);
        Assert.DoesNotContain(Placeholder().Matches(text), match => match.Value.Contains("__", StringComparison.Ordinal));
    }

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

    [GeneratedRegex("%[^%\"]+%")]
    private static partial Regex Placeholder();
}
