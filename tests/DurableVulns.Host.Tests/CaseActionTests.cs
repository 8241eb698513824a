using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Testing;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Host.Tests;

/// <summary>The PSIRT endpoints through the real host: status, assessment, MIIT submission, patch, close.</summary>
[Collection(HostCollection.Name)]
public sealed class CaseActionTests(DurableVulnsHost host)
{
    [Fact]
    public async Task Assess_PostedTheMomentEachOfManyCasesIsFiled_EveryAssessmentApplied()
    {
        // Arrange: the backend may not have started a case's orchestration yet; an event raised
        // then can be dropped, so the action must wait for it to start rather than be lost.
        const int cases = 16;

        // Act
        var answers = await Task.WhenAll(Enumerable.Range(0, cases).Select(async _ =>
        {
            var id = await host.SubmitReportAsync();
            var assessed = await host.ActAsync(id, "assessment", SampleRequests.Assessment());
            return (id, assessed.StatusCode);
        }));
        var statuses = await Task.WhenAll(answers.Select(a => host.WaitForAsync(a.id, s => s.Has("Assessed"))));

        // Assert
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted }));
        Assert.All(statuses, s => Assert.Equal("Assessed", s["stage"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Lifecycle_AssessSubmitPatchClose_EachStepAppliedAndOrchestrationEnds()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        // The upstream notice follows the acknowledgement in the case's mail queue, beside its actions.
        await host.WaitForAsync(id, s => s.Has("UpstreamNotified"));

        // Act
        var assessed = await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        var package = JsonNode.Parse(await host.Psirt.GetStringAsync($"/api/reports/{id}/miit-package"))!;
        var submitted = await host.ActAsync(id, "miit-submission", SampleRequests.Submission("NVDB-42"));
        var patched = await host.ActAsync(id, "patch", SampleRequests.Patch());
        var closed = await host.ActAsync(id, "close", new JsonObject { ["reason"] = "修复已发布 / fixed" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        Assert.Equal("Assessed", (await Json(assessed))["stage"]!.GetValue<string>());
        Assert.True(package["complete"]!.GetValue<bool>());
        Assert.Equal("远程代码执行 / remote code execution as root", package["package"]!["harm"]!.GetValue<string>());
        var afterSubmission = await Json(submitted);
        Assert.True(afterSubmission["miitSubmitted"]!.GetValue<bool>());
        Assert.Equal("NVDB-42", afterSubmission["miitReceiptId"]!.GetValue<string>());
        Assert.Equal("PatchReleased", (await Json(patched))["stage"]!.GetValue<string>());
        Assert.Equal("Closed", (await Json(closed))["stage"]!.GetValue<string>());
        var status = await host.WaitForAsync(id, s => s.Has("UsersNotified"));
        Assert.Equal(
            ["Received", "Acknowledged", "UpstreamNotified", "Assessed", "MiitSubmitted", "PatchReleased", "UsersNotified", "Closed"],
            status.TimelineTypes());
        Assert.Equal("Art. 7(3)", status["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "PatchReleased")!["article"]!.GetValue<string>());
        var notice = host.MailFiles().Single(m => m.Contains(id + "/affected-user-notice", StringComparison.Ordinal));
        Assert.Contains("2.3.2", MailReader.Body(notice), StringComparison.Ordinal);
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        Assert.Equal("Completed", await WaitForRuntimeStatusAsync(workflows, id, "Completed"));
    }

    [Fact]
    public async Task Assess_NamingAnotherUpstreamComponent_NotifiesItsProviderOnce()
    {
        // Arrange: the report named libfoo; the verification finds the flaw in libbar.
        var id = await host.SubmitReportAsync();
        var assessment = SampleRequests.Assessment();
        assessment["upstreamComponent"] = new JsonObject { ["name"] = "libbar 1.2", ["providerEmail"] = "psirt@libbar.example" };

        // Act: assessed twice, both times naming libbar.
        var first = await host.ActAsync(id, "assessment", assessment);
        var again = await host.ActAsync(id, "assessment", assessment.DeepClone().AsObject());
        // Applied only after the workflow has finished with both assessments.
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var status = await host.WaitForAsync(id, s => s.Has("MiitSubmitted"));

        // Assert: libfoo told at intake, libbar once, after the first assessment.
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, status.Count("UpstreamNotified"));
        Assert.Contains(status["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "UpstreamNotified"
            && e["detail"]!.GetValue<string>().Contains("'libbar 1.2', named in the assessment", StringComparison.Ordinal));
        var notices = host.MailFiles().Where(m => m.Contains(id, StringComparison.Ordinal) && MailReader.Header(m, "Subject").Contains("上游组件", StringComparison.Ordinal)).ToList();
        Assert.Equal(["psirt@libbar.example", "security@libfoo.example"], notices.Select(m => MailReader.Header(m, "To")).Order(StringComparer.Ordinal));
        Assert.Equal("libbar 1.2", status["assessment"]!["upstreamComponent"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Assess_NamingTheReportsOwnUpstreamProvider_SendsNoSecondNotice()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        var assessment = SampleRequests.Assessment();
        assessment["upstreamComponent"] = new JsonObject { ["name"] = "libfoo", ["providerEmail"] = "Security@LibFoo.example" };

        // Act
        var assessed = await host.ActAsync(id, "assessment", assessment);
        // Applied only after the workflow has finished with the assessment.
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var status = await host.WaitForAsync(id, s => s.Has("MiitSubmitted") && s.Has("UpstreamNotified"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        Assert.Single(status.TimelineTypes(), t => t == "UpstreamNotified");
        Assert.Single(host.MailFiles(), m => m.Contains(id, StringComparison.Ordinal) && MailReader.Header(m, "Subject").Contains("上游组件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_TextsPastWhatStorageHoldsForOneCase_Returns413AndChangesNothing()
    {
        // Arrange
        var id = await NearlyFullPatchedCaseAsync();
        var advisory = SampleRequests.Advisory();
        advisory["body"] = Backslashes(100_000);

        // Act
        var published = await host.ActAsync(id, "publication", advisory);

        // Assert: a clear refusal, on the timeline too; the case is as it was and still publishes a shorter advisory.
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, published.StatusCode);
        Assert.Equal("application/problem+json", published.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The case would be too large to store.", (await Json(published))["title"]!.GetValue<string>());
        Assert.Null((await host.Services.GetRequiredService<ICaseStore>().GetAsync(id))!.Publication);
        Assert.True((await host.StatusAsync(id)).Has("ActionRefused"));
        Assert.Contains((await host.ActAsync(id, "publication", SampleRequests.Advisory())).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        await host.WaitForAsync(id, s => s.Has("Published"));
    }

    [Fact]
    public async Task Publish_TooLargeButPastTheApisCheck_WorkflowRefusesItAndGoesOn()
    {
        // Arrange: the event as the API would raise it had it checked a smaller record (two long
        // actions accepted at once).
        var id = await NearlyFullPatchedCaseAsync();
        var advisory = new Advisory("Title", Backslashes(100_000), "Upgrade to 2.3.2.", [new Recipient("cert@example.cn", "CN")],
            ContainsExploitCode: false, ContainsOperatorSystemDetails: false);

        // Act
        await host.Services.GetRequiredService<IWorkflowClient>().RaiseEventAsync(id, EventNames.Publication,
            new PsirtAction<PublicationCommand>("oversized-1", "psirt-api", new PublicationCommand(advisory, Blackout: null, []), DateTime.UtcNow));
        await host.WaitForAsync(id, s => s.Has("ActionRefused"));

        // Assert: refused under the action's id, not retried for ever; the case takes its next action
        // (applied after every step of the publication, so nothing of it is still to come), and the
        // publication was neither sent nor held for consent.
        Assert.Contains("storage", (await host.Services.GetRequiredService<IAuditLog>().FindAsync(id, "oversized-1"))!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.ActAsync(id, "miit-submission", SampleRequests.Submission())).StatusCode);
        var after = await host.StatusAsync(id);
        Assert.False(after.Has("Published"));
        Assert.False(after.Has("BlackoutHeld"));
        Assert.Null((await host.Services.GetRequiredService<ICaseStore>().GetAsync(id))!.Publication);
    }

    // A patched case whose report, assessment and patch fill most of its 1 MiB of storage (a
    // backslash takes two characters once stored as JSON, and each character two bytes).
    private async Task<string> NearlyFullPatchedCaseAsync()
    {
        var report = SampleRequests.Report();
        report["description"] = Backslashes(100_000);
        var id = await host.SubmitReportAsync(report);
        var assessment = SampleRequests.Assessment();
        foreach (var field in new[] { "technicalCharacteristics", "harm", "scope" }) assessment[field] = Backslashes(20_000);
        var patch = SampleRequests.Patch();
        patch["fix"] = Backslashes(20_000);
        Assert.Contains((await host.ActAsync(id, "assessment", assessment)).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        Assert.Contains((await host.ActAsync(id, "patch", patch)).StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Accepted });
        await host.WaitForAsync(id, s => s.Has("PatchReleased"));
        return id;
    }

    private static string Backslashes(int count) => new('\\', count);

    [Fact]
    public async Task SubmitToMiit_BeforeAssessment_Returns409NamingMissingFields()
    {
        // Arrange
        var id = await host.SubmitReportAsync();

        // Act
        var response = await host.ActAsync(id, "miit-submission", SampleRequests.Submission());

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await Json(response);
        Assert.Equal(["technicalCharacteristics", "harm", "scope"], problem["missingFields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Contains("technicalCharacteristics", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False((await host.StatusAsync(id))["miitSubmitted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SubmitToMiit_Twice_SecondReturns409()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission("first"));

        // Act
        var response = await host.ActAsync(id, "miit-submission", SampleRequests.Submission("second"));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("first", (await host.StatusAsync(id))["miitReceiptId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("patch")]
    [InlineData("close")]
    public async Task Action_StageDoesNotAllowIt_Returns409AndChangesNothing(string action)
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        var body = action == "patch" ? SampleRequests.Patch() : new JsonObject();

        // Act
        var response = await host.ActAsync(id, action, body);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Received", (await host.StatusAsync(id))["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Close_AfterPatchWithoutMiitSubmission_Returns409CitingArt72()
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        await host.ActAsync(id, "assessment", SampleRequests.Assessment());
        await host.ActAsync(id, "patch", SampleRequests.Patch());

        // Act
        var response = await host.ActAsync(id, "close");

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Art. 7(2)", (await Json(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> InvalidActionBodies() => new()
    {
        { "assessment", """{"severity":"CVSS:3.1/AV:N","affectedVersions":["1"],"technicalCharacteristics":"t","harm":"h","scope":"s"}""", "severity" },
        { "assessment", """{"severity":"9.8","affectedVersions":[],"technicalCharacteristics":"t","harm":"h","scope":"s"}""", "affectedVersions" },
        { "assessment", """{"severity":"9.8","affectedVersions":"2.3.1"}""", "affectedVersions" },
        { "miit-submission", """{"receiptId":""}""", "receiptId" },
        { "patch", """{"fixedVersion":"2.3.2"}""", "fix" },
        { "close", """{"reason":42}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(InvalidActionBodies))]
    public async Task Action_InvalidBody_Returns400NamingTheField(string action, string body, string field)
    {
        // Arrange
        var id = await host.SubmitReportAsync();

        // Act
        var response = await host.Psirt.PostAsync($"/api/reports/{id}/{action}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]![field]);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/miit-package")]
    [InlineData("POST", "/assessment")]
    [InlineData("POST", "/miit-submission")]
    [InlineData("POST", "/patch")]
    [InlineData("POST", "/close")]
    public async Task PsirtEndpoint_NoOrWrongApiKey_Returns401(string method, string path)
    {
        // Arrange
        var id = await host.SubmitReportAsync();
        var withoutKey = new HttpRequestMessage(new HttpMethod(method), $"/api/reports/{id}{path}") { Content = JsonContent.Create(new JsonObject()) };
        var wrongKey = new HttpRequestMessage(new HttpMethod(method), $"/api/reports/{id}{path}") { Content = JsonContent.Create(new JsonObject()) };
        wrongKey.Headers.Add("X-Api-Key", "guess");

        // Act
        var responses = new[] { await host.Anonymous.SendAsync(withoutKey), await host.Anonymous.SendAsync(wrongKey) };

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/miit-package")]
    [InlineData("POST", "/assessment")]
    [InlineData("POST", "/close")]
    public async Task PsirtEndpoint_UnknownOrOddId_Returns404Problem(string method, string path)
    {
        // Arrange
        string[] ids = ["0000000000000000000000000000dead", "a%2Fb", "%E4%B8%AD", "x'or'1'='1"];

        foreach (var id in ids)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), $"/api/reports/{id}{path}");
            if (method == "POST") request.Content = JsonContent.Create(path == "/assessment" ? SampleRequests.Assessment() : new JsonObject());

            // Act
            var response = await host.Psirt.SendAsync(request);

            // Assert
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task<string?> WaitForRuntimeStatusAsync(IWorkflowClient workflows, string id, string expected)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        string? status;
        while ((status = await workflows.GetStatusAsync(id)) != expected && DateTime.UtcNow < until) await Task.Delay(250);
        return status;
    }
}
