using System.Globalization;
using System.Text.Json.Nodes;
using DurableVulns.Testing;
using DurableVulns.Workflows.Activities;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// The Art. 7(2) clock on the real engine and Azurite, with a policy of seconds
/// (reminders at 2 s and 4 s, an escalation at 6 s, the deadline at 8 s).
/// </summary>
public sealed class MiitClockFastTests(FastClockHost host) : IClassFixture<FastClockHost>
{
    [Fact]
    public async Task Clock_NoOneActs_RemindersEscalationAndBreachFireInOrder()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));

        // Act
        var status = await host.WaitForAsync(id, s => s.Count("Escalation") == 2);

        // Assert
        status.AssertClockRanOut("Received", "Acknowledged", "Reminder", "Reminder", "Escalation", "Escalation");
        Assert.True(status["miitBreached"]!.GetValue<bool>());
        Assert.False(status["miitSubmitted"]!.GetValue<bool>());
        Assert.All(Entries(status).Where(e => e["type"]!.GetValue<string>() is "Reminder" or "Escalation" or "MiitDeadlineMissed"),
            e => Assert.Equal("Art. 7(2)", e["article"]!.GetValue<string>()));
        var psirtMail = host.MailFiles().Where(m => m.Contains(id, StringComparison.Ordinal) && m.Contains(DurableVulnsHost.PsirtAddress, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, psirtMail.Count);
        Assert.Single(psirtMail, m => MailReader.Header(m, "Subject").Contains("MIIT deadline missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clock_EveryStep_FiresNoEarlierThanItsOffset()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));

        // Act
        var status = await host.WaitForAsync(id, s => s.Has("MiitDeadlineMissed"));

        // Assert: each step is at or after intake + its policy offset (durable timers are never early).
        var entries = Entries(status);
        var received = At(entries.First(e => e["type"]!.GetValue<string>() == "Received"));
        var reminders = entries.Where(e => e["type"]!.GetValue<string>() == "Reminder").Select(At).ToList();
        Assert.True(reminders[0] >= received.AddSeconds(2));
        Assert.True(reminders[1] >= received.AddSeconds(4));
        Assert.True(At(entries.First(e => e["type"]!.GetValue<string>() == "Escalation")) >= received.AddSeconds(6));
        Assert.True(At(entries.Single(e => e["type"]!.GetValue<string>() == "MiitDeadlineMissed")) >= received.AddSeconds(8));
    }

    [Fact]
    public async Task Clock_NoOneActs_EachStepTakesOneTimerAtMost()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));

        // Act
        await host.WaitForAsync(id, s => s.Has("MiitDeadlineMissed"));

        // Assert: a timer that surfaced early (the queue hides it for whole seconds) is waited out in
        // one step, not by timers set again and again for the same time, each surfacing at once.
        await host.AssertNoTimerSetTwiceAsync(id);
        Assert.InRange((await host.ScheduledActivitiesAsync(id)).Count(name => name == nameof(WaitUntilDueActivity)), 0, 4);
    }

    [Fact]
    public async Task Clock_SubmissionAfterBreach_RecordedAsLateAndBreachStays()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));
        await host.WaitForAsync(id, s => s.Has("MiitDeadlineMissed"));

        // Act
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        var response = await host.ActAsync(id, "miit-submission", SampleRequests.Submission("NVDB-LATE"));

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var status = await host.StatusAsync(id);
        Assert.True(status["miitSubmitted"]!.GetValue<bool>());
        Assert.True(status["miitBreached"]!.GetValue<bool>());
        Assert.Contains("late", status.Detail("MiitSubmitted"), StringComparison.Ordinal);
    }

    private static List<JsonNode> Entries(JsonObject status) => [.. status["timeline"]!.AsArray().Select(e => e!)];

    private static DateTimeOffset At(JsonNode entry) =>
        DateTimeOffset.Parse(entry["at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
}
