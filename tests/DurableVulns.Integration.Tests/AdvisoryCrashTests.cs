using System.Net;
using System.Net.Http.Json;
using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Crash in the middle of one activity's many sends: an advisory goes to 60 recipients, one message
/// each, and the host is SIGKILLed after 15 of them. The restarted host retries the activity, which
/// sends the rest and none of the first ones again: each message's key is checked in the sent-mail table
/// before it is sent. Only the send the kill cut off may go out twice.
/// </summary>
public sealed class AdvisoryCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 60;
    private const int KillAfter = 15;

    private readonly HostSandbox sandbox = new(TestPolicies.LongReview);

    public Task InitializeAsync() => sandbox.InitializeAsync();

    public Task DisposeAsync() => sandbox.DisposeAsync();

    [Fact]
    public async Task PublishAdvisory_HostKilledMidwayThroughItsSends_RestartedHostSendsTheRestAndRepeatsNone()
    {
        // Arrange: a patched case, ready to publish, and an advisory to 60 domestic recipients.
        using var writes = new MailWrites(sandbox.MailDirectory);
        var advisory = SampleRequests.Advisory([.. Enumerable.Range(0, Recipients).Select(i => ($"user-{i}@customer.example.cn", "CN"))]);
        string id;
        int mailsBefore;
        await using (var first = HostProcess.Start(sandbox.Environment(), sandbox.Directory))
        {
            await first.WaitUntilReadyAsync();
            using var client = sandbox.Client(first);
            var filed = await CaseDriver.FileAsync(client, CaseDriver.Report(1));
            Assert.True(filed.Accepted, filed.Body);
            id = filed.CaseId!;
            await CaseDriver.PollAsync(client, id, s => s.Has("Acknowledged"));
            foreach (var (action, body) in new[]
            {
                ("assessment", SampleRequests.Assessment()),
                ("miit-submission", SampleRequests.Submission()),
                ("patch", SampleRequests.Patch()),
            })
            {
                var response = await client.PostAsJsonAsync($"/api/reports/{id}/{action}", body);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            await CaseDriver.PollAsync(client, id, s => s.Has("UsersNotified"));
            mailsBefore = Directory.GetFiles(sandbox.MailDirectory, "*.eml").Length;

            // Act: publish, and SIGKILL the host as the 15th advisory lands (the publish call is cut off with it).
            var publishing = client.PostAsJsonAsync($"/api/reports/{id}/publication", advisory);
            await writes.WhenFilesAsync(mailsBefore + KillAfter, first.Kill, TimeSpan.FromSeconds(60));
            await Assert.ThrowsAnyAsync<Exception>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        var atKill = Directory.GetFiles(sandbox.MailDirectory, "*.eml").Length - mailsBefore;

        await using var second = HostProcess.Start(sandbox.Environment(), sandbox.Directory);
        await second.WaitUntilReadyAsync();
        using var restarted = sandbox.Client(second);
        var status = await CaseDriver.PollAsync(restarted, id, s => s.Has("Published"));
        var counts = await writes.CountsAsync(sandbox.MailDirectory);

        // Assert: the kill came mid-way; every recipient has its one message; of those sent before the
        // kill, none went out again (at most the one being sent when the kill came).
        Assert.InRange(atKill, KillAfter, Recipients - 1);
        var advisoryKeys = sandbox.MailKeys().Where(k => k.StartsWith(id + "/advisory/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Recipients, advisoryKeys.Count);
        Assert.Equal(Recipients, advisoryKeys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1, status.Count("Published"));
        Assert.False(writes.LostEvents, "the pickup folder watcher lost events");
        var extraWrites = counts.Sum(c => c.Value - 1);
        Assert.True(extraWrites <= 1, $"{extraWrites} messages were sent again after the restart");
        output.WriteLine($"Advisories written before the kill: {atKill} of {Recipients}; written again after the restart: {extraWrites}.");
    }
}
