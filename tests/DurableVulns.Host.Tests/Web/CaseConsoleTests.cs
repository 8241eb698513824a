using System.Net;
using System.Text.RegularExpressions;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Testing;
using DurableVulns.Workflows.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// The case page in the console: every view is audited with its reader, actions posted through its
/// forms reach the case with the signed-in user as actor, the lead-only actions stay with leads, and
/// the page's title names no vulnerability.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CaseConsoleTests(ConsoleHost host)
{
    [Fact]
    public async Task GetCase_AnalystOpensIt_CaseViewedAuditedWithTheAnalyst()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);

        // Act
        var (response, html) = await analyst.GetAsync($"/console/cases/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.True((await host.StatusAsync(id)).Has(TimelineTypes.CaseViewed));
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(id);
        var view = Assert.Single(audit, e => e.Type == TimelineTypes.CaseViewed);
        Assert.Equal(ConsoleHost.AnalystEmail, view.Actor);
    }

    [Fact]
    public async Task PostAssess_AnalystWithToken_RedirectsDoneAndCaseAssessedByTheAnalyst()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        await host.WaitForAsync(id, s => s.Has("Acknowledged"));
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        var (_, page) = await analyst.GetAsync($"/console/cases/{id}");
        Assert.True(Html.HasId(page, "form-assess"));

        // Act
        var response = await analyst.PostFormAsync($"/console/cases/{id}?handler=Assess",
        [
            new("severity", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            new("affectedVersions", "2.3.0\n2.3.1"),
            new("technicalCharacteristics", "unchecked strcpy in the login handler"),
            new("harm", "remote code execution as root"),
            new("scope", "devices exposing the admin interface"),
        ], Html.RequestToken(page));

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(PageClient.Location(response) ?? "", new[] { $"/console/cases/{id}?done=assess", $"/console/cases/{id}?done=queued" });
        var status = await host.WaitForAsync(id, s => s.Has(TimelineTypes.Assessed));
        Assert.Equal("Assessed", status.Text("stage"));
        Assert.Equal("remote code execution as root", status.Text("assessment", "harm"));
        Assert.Equal(["2.3.0", "2.3.1"], status["assessment"]!["affectedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(id);
        Assert.Equal(ConsoleHost.AnalystEmail, Assert.Single(audit, e => e.Type == TimelineTypes.Assessed).Actor);
    }

    [Fact]
    public async Task PostAssess_UpstreamComponentFound_ShownOnTheCaseAndItsProviderNotified()
    {
        // Arrange
        var id = await host.SubmitReportAsync(SampleRequests.Report(withUpstream: false));
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        var (_, page) = await analyst.GetAsync($"/console/cases/{id}");

        // Act
        await analyst.PostFormAsync($"/console/cases/{id}?handler=Assess",
        [
            new("severity", "7.5"),
            new("affectedVersions", "2.3.1"),
            new("technicalCharacteristics", "overflow in libbar's parser"),
            new("harm", "denial of service"),
            new("scope", "all units"),
            new("upstreamComponent.name", "libbar 1.2"),
            new("upstreamComponent.providerEmail", "psirt@libbar.example"),
        ], Html.RequestToken(page));
        await host.WaitForAsync(id, s => s.Has(TimelineTypes.UpstreamNotified));
        var (_, after) = await analyst.GetAsync($"/console/cases/{id}");

        // Assert
        Assert.Contains("libbar 1.2 (psirt@libbar.example)", after, StringComparison.Ordinal);
        Assert.Single(host.MailFiles(), m => m.Contains(id, StringComparison.Ordinal) && MailReader.Header(m, "To") == "psirt@libbar.example");
    }

    [Fact]
    public async Task PostAssess_UpstreamProviderEmailWithoutName_ErrorBesideTheNameAndNotAssessed()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        var (_, page) = await analyst.GetAsync($"/console/cases/{id}");

        // Act
        var response = await analyst.PostFormAsync($"/console/cases/{id}?handler=Assess",
        [
            new("severity", "7.5"),
            new("affectedVersions", "2.3.1"),
            new("technicalCharacteristics", "tc"),
            new("harm", "h"),
            new("scope", "s"),
            new("upstreamComponent.providerEmail", "psirt@libbar.example"),
        ], Html.RequestToken(page));
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(Html.HasId(body, "f-upstreamComponent-name-error"));
        Assert.Equal("Received", (await host.StatusAsync(id)).Text("stage"));
    }

    [Fact]
    public async Task PostAssess_WithoutToken_Returns400AndCaseNotAssessed()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        await host.WaitForAsync(id, s => s.Has("Acknowledged"));
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        await analyst.GetAsync($"/console/cases/{id}");

        // Act
        var response = await analyst.PostFormAsync($"/console/cases/{id}?handler=Assess",
        [
            new("severity", "9.8"),
            new("affectedVersions", "2.3.1"),
            new("technicalCharacteristics", "t"),
            new("harm", "h"),
            new("scope", "s"),
        ], token: null);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var status = await host.StatusAsync(id);
        Assert.Equal("Received", status.Text("stage"));
        Assert.Null(status["assessment"]);
    }

    [Fact]
    public async Task PostClose_Analyst_RedirectedToDeniedAndCaseStaysOpen()
    {
        // Arrange
        var id = await ClosableCaseAsync();
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);
        using var lead = await SignedInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword);
        var (_, analystPage) = await analyst.GetAsync($"/console/cases/{id}");
        var (_, leadPage) = await lead.GetAsync($"/console/cases/{id}");

        // Act
        var response = await analyst.PostFormAsync($"/console/cases/{id}?handler=Close", [new("reason", "done")], Html.RequestToken(analystPage));

        // Assert
        Assert.True(Html.HasId(leadPage, "form-close"), "the case is closable, so the lead's page has the form");
        Assert.False(Html.HasId(analystPage, "form-close"));
        Assert.True(Html.HasId(analystPage, "close-needs-lead"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/denied?", analyst.LocalTarget(response), StringComparison.Ordinal);
        var status = await host.StatusAsync(id);
        Assert.Equal("PatchReleased", status.Text("stage"));
        Assert.False(status.Has(TimelineTypes.Closed));
        var refusal = Assert.Single(await host.Services.GetRequiredService<IAuditLog>().ReadAsync(id), e => e.Type == TimelineTypes.ActionRefused);
        Assert.Equal(ConsoleHost.AnalystEmail, refusal.Actor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Nonsense")]
    public async Task PostCase_NoSuchHandler_Returns404AndRecordsNoView(string query)
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        using var lead = await SignedInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword);
        var (_, page) = await lead.GetAsync($"/console/cases/{id}");
        var viewsBefore = (await host.StatusAsync(id)).Count(TimelineTypes.CaseViewed);

        // Act
        var response = await lead.PostFormAsync($"/console/cases/{id}{query}", [new("reason", "x")], Html.RequestToken(page));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(viewsBefore, (await host.StatusAsync(id)).Count(TimelineTypes.CaseViewed));
    }

    [Fact]
    public async Task GetCase_Title_NamesTheCaseNotTheVulnerability()
    {
        // Arrange
        var report = SampleRequests.Report();
        var reportTitle = report["title"]!.GetValue<string>();
        var id = await host.SubmitReportAsync(report);
        using var lead = await SignedInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword);

        // Act
        var (response, html) = await lead.GetAsync($"/console/cases/{id}");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reportTitle, html, StringComparison.Ordinal);
        var title = Html.Title(html);
        Assert.DoesNotContain(reportTitle, title, StringComparison.Ordinal);
        Assert.DoesNotContain("Stack overflow", title, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Router X", title, StringComparison.Ordinal);
        Assert.Contains(id[..8], title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetConsole_CaseWithMailHeldUp_ListFlagsAndFiltersItAndCasePageNamesItWithoutTheAddress()
    {
        // Arrange: the case is marked as the mail dispatcher marks it when an advisory to a customer cannot be sent.
        var id = await host.SubmitReportAsync();
        await host.WaitForAsync(id, s => s.Has("Acknowledged"));
        var key = $"{id}/advisory/user@customer.example.cn";
        var since = new DateTime(2026, 11, 26, 1, 2, 0, DateTimeKind.Utc);
        await host.Services.GetRequiredService<ICaseStore>().UpdateAsync(id, r => r.WithMailHeldUp(HeldUpMail.Of(key, MailDispatcher.Shown(key), Articles.PatchAndNotifyUsers, since)));
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);

        var other = await host.SubmitReportAsync();

        // Act
        var (_, list) = await analyst.GetAsync("/console");
        var (_, heldOnly) = await analyst.GetAsync("/console?mail=held");
        var (_, page) = await analyst.GetAsync($"/console/cases/{id}");

        // Assert: both say since when, in China Standard Time; neither shows the recipient's address.
        var row = Regex.Match(list, $"<tr class=\"case-row\" data-case=\"{id}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "The case is not on the list's first page.");
        Assert.Contains("Mail held up since 11-26 09:02", row.Value, StringComparison.Ordinal);
        var held = Html.TextOf(page, "mail-held-up");
        Assert.Contains($"{id}/advisory/… ({Articles.PatchAndNotifyUsers}), since 2026-11-26 09:02", held, StringComparison.Ordinal);
        Assert.DoesNotContain("customer.example.cn", list + page, StringComparison.Ordinal);
        // The list says how many cases are held up, and its filter keeps only those.
        Assert.Contains("open case(s) owe a message that the mail service has not taken yet", Html.TextOf(list, "mail-held-notice"), StringComparison.Ordinal);
        Assert.Contains($"data-case=\"{id}\"", heldOnly, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-case=\"{other}\"", heldOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCase_NoMailHeldUp_SaysNone()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        using var analyst = await SignedInAsync(ConsoleHost.AnalystEmail, ConsoleHost.AnalystPassword);

        // Act
        var (_, page) = await analyst.GetAsync($"/console/cases/{id}");

        // Assert
        Assert.Equal("none", Html.TextOf(page, "mail-held-up"));
    }

    private async Task<PageClient> SignedInAsync(string email, string password)
    {
        var tab = new PageClient(host.Tab());
        var response = await tab.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return tab;
    }

    /// <summary>A case assessed, submitted to MIIT and patched through the API: a lead may close it.</summary>
    private async Task<string> ClosableCaseAsync()
    {
        var id = await host.SubmitReportAsync();
        foreach (var (action, body) in new[]
        {
            ("assessment", SampleRequests.Assessment()),
            ("miit-submission", SampleRequests.Submission()),
            ("patch", SampleRequests.Patch()),
        })
        {
            var response = await host.ActAsync(id, action, body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return id;
    }
}
