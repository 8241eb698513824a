using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Orchestrators;

/// <summary>
/// A message the mail service refuses for good is a dead letter: recorded on the case, never
/// retried, and the case goes on (a retried acknowledgement would hold back the upstream notice
/// and the MIIT clock behind it for ever).
/// </summary>
public sealed class RefusedMailTests(RefusingMailHost host) : IClassFixture<RefusingMailHost>
{
    [Fact]
    public async Task Acknowledgement_MailServiceRefusesReporterAddress_RecordedAsRefusedAndCaseGoesOn()
    {
        // Arrange
        var report = SampleRequests.Report(withUpstream: true);
        report["reporter"]!["email"] = RefusingMailHost.RefusedAddress;

        // Act
        var id = await host.SubmitReportAsync(report);
        var status = await host.WaitForAsync(id, s => s.Has("UpstreamNotified"));

        // Assert: tried once and not again, one refusal on the trail, the acknowledgement step marked
        // undelivered, the upstream provider notified, and the only mail that went out is the upstream notice.
        Assert.Equal(1, host.Refusals);
        Assert.Equal(1, status.Count("MailRefused"));
        Assert.Equal("Acknowledgement to the reporter not delivered: the mail service refused it (see the MailRefused entry).", status.Detail("Acknowledged"));
        var mail = Assert.Single(host.MailFiles());
        Assert.Contains("security@libfoo.example", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(RefusingMailHost.RefusedAddress, mail, StringComparison.Ordinal);
    }
}
