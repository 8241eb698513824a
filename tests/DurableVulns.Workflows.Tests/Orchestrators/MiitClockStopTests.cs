using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// A recorded submission stops the clock. The policy has a first reminder at 2 s, then
/// nothing until 14 s, so the submission lands in the gap.
/// </summary>
public sealed class MiitClockStopTests(GappedClockHost host) : IClassFixture<GappedClockHost>
{
    [Fact]
    public async Task Clock_SubmissionRecorded_StopsRemainingRemindersAndBreach()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));
        await host.WaitForAsync(id, s => s.Has("Reminder"));

        // Act
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        var submitted = await host.ActAsync(id, "miit-submission", SampleRequests.Submission());

        // Assert: wait until well past the deadline (18 s), then nothing more has fired.
        Assert.Equal(System.Net.HttpStatusCode.OK, submitted.StatusCode);
        var received = DateTimeOffset.Parse((await host.StatusAsync(id))["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var status = await host.WaitForAsync(id, _ => DateTimeOffset.UtcNow > received.AddSeconds(22));
        Assert.Equal(1, status.Count("Reminder"));
        Assert.False(status.Has("Escalation"));
        Assert.False(status.Has("MiitDeadlineMissed"));
        Assert.False(status["miitBreached"]!.GetValue<bool>());
        Assert.Contains("on time", status.Detail("MiitSubmitted"), StringComparison.Ordinal);
    }
}
