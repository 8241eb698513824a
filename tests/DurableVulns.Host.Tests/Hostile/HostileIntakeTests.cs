using System.Diagnostics;
using System.Globalization;
using DurableVulns.Testing;
using DurableVulns.Testing.Hostile;
using Xunit.Abstractions;

namespace DurableVulns.Host.Tests.Hostile;

/// <summary>
/// <c>POST /api/reports</c> under a corpus of hostile requests (<see cref="HostileCorpus"/>): each gets
/// its 4xx as <c>application/problem+json</c>, none a 5xx; none creates a case or an orchestration or
/// sends a mail; each rejected attempt is logged (Art. 5); and the host still takes a valid report.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileIntakeTests(HostileHost host, ITestOutputHelper output)
{
    private readonly StorageProbe storage = new(host);

    [Fact]
    public void HostileCorpus_Generated_HasAtLeast200DistinctInvalidRequests()
    {
        // Arrange
        var corpus = HostileCorpus.All();

        // Act
        var names = corpus.Select(c => c.Name).ToList();

        // Assert: enough requests, each told apart by its name, and every expectation a 4xx.
        Assert.True(corpus.Count >= 200, $"only {corpus.Count} requests");
        Assert.Empty(names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(corpus, c => Assert.InRange(c.Expected, 400, 499));
    }

    [Fact]
    public async Task PostReport_HostileCorpus_Each4xxProblemNothingCreatedAndHostStillServes()
    {
        // Arrange
        var corpus = HostileCorpus.All();
        var casesBefore = await storage.CasesAsync();
        var orchestrationsBefore = await storage.OrchestrationsAsync();
        var mailBefore = host.MailFiles().Count;
        var rejectedBefore = (await storage.IntakeLogAsync()).Count(r => r.GetString("Outcome") == "Rejected");
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var stopwatch = Stopwatch.StartNew();

        // Act
        foreach (var item in corpus)
        {
            var (answered, failure) = await BadIntakeSender.SendAsync(host.Anonymous, item);
            if (answered is { } code) statuses[code] = statuses.GetValueOrDefault(code) + 1;
            if (failure is not null) failures.Add($"{item.Name}: {failure}");
        }
        var elapsed = stopwatch.Elapsed;
        var casesAfter = await storage.CasesAsync();
        var orchestrationsAfter = await storage.OrchestrationsAsync();
        var mailAfter = host.MailFiles().Count;
        var rejectedAfter = (await storage.IntakeLogAsync()).Count(r => r.GetString("Outcome") == "Rejected");
        var valid = await host.SubmitReportAsync();
        var status = await host.WaitForAsync(valid, s => s.Has("Acknowledged"));

        // Assert: every request its 4xx problem, nothing created, every attempt logged, the host still serving.
        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} hostile requests were not answered as expected:\n{string.Join("\n", failures)}");
        Assert.Equal(casesBefore, casesAfter);
        Assert.Equal(orchestrationsBefore, orchestrationsAfter);
        Assert.Equal(mailBefore, mailAfter);
        Assert.Equal(rejectedBefore + corpus.Count, rejectedAfter);
        Assert.Equal(["Received", "Acknowledged"], status.TimelineTypes().Take(2));

        var answers = string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{corpus.Count} hostile requests in {elapsed.TotalSeconds:F1} s ({elapsed.TotalMilliseconds / corpus.Count:F1} ms each); answers: {answers}"));
    }
}
