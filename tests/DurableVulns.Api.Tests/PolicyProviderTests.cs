using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Api.Tests;

/// <summary>An edit of the policy file, a blackout window above all, holds without a restart.</summary>
public sealed class PolicyProviderTests : IDisposable
{
    private const string Window = """[{ "name": "National Day", "from": "2026-10-01T00:00:00+08:00", "to": "2026-10-08T00:00:00+08:00" }]""";

    private readonly string directory = Directory.CreateTempSubdirectory("policy-").FullName;
    private readonly string shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "rmsv-2021.policy.json"));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero));

    private string PolicyFile => Path.Combine(directory, "policy.json");

    [Fact]
    public void Current_FileEditedWithABlackoutWindow_InForceAtTheNextCheck()
    {
        // Arrange
        File.WriteAllText(PolicyFile, shipped);
        var provider = Provider();
        var before = provider.Current;

        // Act
        Edit(shipped.Replace("\"blackouts\": []", $"\"blackouts\": {Window}", StringComparison.Ordinal));
        var withinTheInterval = provider.Current;
        time.Advance(PolicyProvider.CheckInterval);
        var after = provider.Current;

        // Assert
        Assert.Empty(before.Blackouts ?? []);
        Assert.Same(before, withinTheInterval);
        Assert.Equal("National Day", Assert.Single(after.Blackouts!).Name);
    }

    [Fact]
    public void Current_EditThatDoesNotLoad_KeepsThePolicyInForceUntilTheFileIsFixed()
    {
        // Arrange
        File.WriteAllText(PolicyFile, shipped);
        var provider = Provider();
        var before = provider.Current;

        // Act
        Edit(shipped.Replace("\"PT48H\"", "\"two days\"", StringComparison.Ordinal));
        time.Advance(PolicyProvider.CheckInterval);
        var afterBadEdit = provider.Current;
        Edit(shipped.Replace("\"blackouts\": []", $"\"blackouts\": {Window}", StringComparison.Ordinal));
        time.Advance(PolicyProvider.CheckInterval);
        var afterFix = provider.Current;

        // Assert
        Assert.Same(before, afterBadEdit);
        Assert.Single(afterFix.Blackouts!);
    }

    private PolicyProvider Provider() => new(Options.Create(new ApiOptions { PolicyFile = PolicyFile }), time);

    // Each edit gets a later write time, as a save would, whatever the file system's resolution.
    private void Edit(string json)
    {
        var previous = File.GetLastWriteTimeUtc(PolicyFile);
        File.WriteAllText(PolicyFile, json);
        File.SetLastWriteTimeUtc(PolicyFile, previous.AddSeconds(1));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
