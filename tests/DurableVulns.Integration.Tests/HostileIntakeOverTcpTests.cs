using System.Globalization;
using System.Text;
using DurableVulns.Testing;
using DurableVulns.Testing.Hostile;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// The hostile corpus (<see cref="HostileCorpus"/>) sent to the host as it runs in production: its own
/// process, Kestrel on a TCP port, bodies over the wire (streamed ones chunked). The host tests send the
/// same corpus in-process; here Kestrel's own parsing and limits come first. Each request gets its 4xx
/// problem, none creates a case, and the host still takes a valid report.
/// </summary>
public sealed class HostileIntakeOverTcpTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task PostReport_HostileCorpusOverTcp_Each4xxProblemNothingCreatedAndHostStillServes()
    {
        // Arrange: one client address sends it all, so the intake's rate limit is set out of the way.
        var environment = sandbox.Environment();
        environment["DurableVulns__IntakePermitsPerMinute"] = "100000";
        await using var host = HostProcess.Start(environment, sandbox.Directory);
        await host.WaitUntilReadyAsync();
        // A client that sends a header's non-ASCII characters as UTF-8 bytes, as a hostile one would
        // (HttpClient's own default refuses to send them at all).
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", HostSandbox.ApiKey);
        var corpus = HostileCorpus.All();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        // Act
        foreach (var item in corpus)
        {
            var (answered, failure) = await BadIntakeSender.SendAsync(client, item);
            if (answered is { } code) statuses[code] = statuses.GetValueOrDefault(code) + 1;
            if (failure is not null) failures.Add($"{item.Name}: {failure}");
        }
        var casesAfterCorpus = (await sandbox.RowsAsync("Cases")).Count;
        var instancesAfterCorpus = (await sandbox.RowsAsync("Instances")).Count;
        var mailAfterCorpus = Directory.GetFiles(sandbox.MailDirectory, "*.eml").Length;
        var valid = await CaseDriver.FileAsync(client, CaseDriver.Report(1));

        // Assert
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} hostile requests were not answered as expected:\n{string.Join("\n", failures)}");
        Assert.Equal((0, 0, 0), (casesAfterCorpus, instancesAfterCorpus, mailAfterCorpus));
        Assert.True(valid.Accepted, valid.Body);
        await CaseDriver.PollAsync(client, valid.CaseId!, s => s.Has("Acknowledged"));
        Assert.False(host.HasExited, "the host exited");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.Count} hostile requests over TCP; answers: {string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"))}"));
    }
}
