using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Web.Portal;
using DurableVulns.Web.Tests.Console;
using DurableVulns.Web.Tests.Dashboard;
using DurableVulns.Workflows.Mail;

namespace DurableVulns.Web.Tests.Portal;

public sealed class ReporterViewTests
{
    private static readonly CaseRecord Case = DashboardSamples.Case("case-1", DashboardSamples.Now.AddHours(48));
    private static readonly DateTime At = DashboardSamples.Now;

    private static readonly AuditEntry Received = new("received", At, TimelineTypes.Received, Articles.IntakeLog, "Report received.", "system");
    private static readonly AuditEntry Acknowledged = new("acknowledged", At.AddSeconds(2), TimelineTypes.Acknowledged, Articles.Reporting, "Acknowledgement sent to the reporter.", "system");

    [Fact]
    public void From_AcknowledgementSent_SaysReceiptConfirmedByEmailWithItsDate()
    {
        // Act
        var view = MiitCountdownTests.InCulture("en", () => ReporterView.From(Case, [Received, Acknowledged]));

        // Assert
        Assert.Contains(view.Dates, d => d.Label == "Acknowledged");
        Assert.Contains(view.Messages, m => m.Text == "We confirmed receipt by e-mail.");
    }

    [Fact]
    public void From_AcknowledgementRefusedByMailService_NeverClaimsEmailConfirmation()
    {
        // Arrange
        var refused = new AuditEntry(MailDispatcher.RefusalKey(CaseMails.AcknowledgementKey(Case.Id)), At.AddSeconds(1),
            TimelineTypes.MailRefused, Articles.Reporting, "Message case-1/acknowledgement to 1 address(es) was not delivered.", "system");

        // Act
        var view = MiitCountdownTests.InCulture("en", () => ReporterView.From(Case, [Received, refused, Acknowledged]));

        // Assert: no acknowledgement date, and the message says why; the refusal's own detail stays internal.
        Assert.DoesNotContain(view.Dates, d => d.Label == "Acknowledged");
        Assert.DoesNotContain(view.Messages, m => m.Text.Contains("confirmed receipt", StringComparison.Ordinal));
        Assert.Contains(view.Messages, m => m.Text.Contains("refused your e-mail address", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Messages, m => m.Text.Contains("case-1/acknowledgement", StringComparison.Ordinal));
    }
}
