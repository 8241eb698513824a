using System.Text.Json;
using System.Text.RegularExpressions;

namespace DurableVulns.Functions.Tests;

/// <summary>
/// host.json, which only the Functions host reads (it cannot run here): the task hub by a setting that
/// host can resolve, and the engine tuned as the standalone host's DurableEngineOptions are, as far as
/// the Durable extension allows.
/// </summary>
public sealed partial class HostJsonTests
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"));

    [Fact]
    public void HostJson_HubName_IsTheFlatSetting()
    {
        // Arrange
        using var hostJson = JsonDocument.Parse(Text);

        // Act
        var hubName = DurableTask(hostJson).GetProperty("hubName").GetString();

        // Assert: and no %setting% of host.json holds "__", which the Functions host leaves unresolved.
        Assert.Equal($"%{FunctionsTaskHub.Setting}%", hubName);
        Assert.DoesNotContain(Placeholder().Matches(Text), match => match.Value.Contains("__", StringComparison.Ordinal));
    }

    [Fact]
    public void HostJson_StorageProvider_TunedAsTheStandaloneEngine()
    {
        // Arrange
        using var hostJson = JsonDocument.Parse(Text);

        // Act
        var provider = DurableTask(hostJson).GetProperty("storageProvider");

        // Assert: a crashed instance's activity messages reappear within 30 s and its control-queue
        // messages within a minute, the least the extension accepts (its default is 5 minutes, which
        // would hold a clock step that long); polling at most every second; and the control-queue
        // buffer that kept partitions from stalling under load.
        Assert.Equal("00:00:01", provider.GetProperty("maxQueuePollingInterval").GetString());
        Assert.Equal("00:01:00", provider.GetProperty("controlQueueVisibilityTimeout").GetString());
        Assert.Equal("00:00:30", provider.GetProperty("workItemQueueVisibilityTimeout").GetString());
        Assert.Equal(256, provider.GetProperty("controlQueueBufferThreshold").GetInt32());
    }

    private static JsonElement DurableTask(JsonDocument hostJson) =>
        hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask");

    [GeneratedRegex("%[^%\"]+%")]
    private static partial Regex Placeholder();
}
