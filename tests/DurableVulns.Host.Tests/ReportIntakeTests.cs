using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DurableVulns.Testing;

namespace DurableVulns.Host.Tests;

/// <summary><c>POST /api/reports</c> through the real host on Azurite.</summary>
[Collection(HostCollection.Name)]
public sealed class ReportIntakeTests(DurableVulnsHost host)
{
    private readonly StorageProbe storage = new(host);

    [Fact]
    public async Task PostReport_ValidReport_Returns202WithIdStatusUrlDeadlineAndLocation()
    {
        // Arrange
        var before = DateTimeOffset.UtcNow;

        // Act
        var response = await host.Anonymous.PostAsJsonAsync("/api/reports", SampleRequests.Report());

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        Assert.Equal($"/api/reports/{id}", body["statusUrl"]!.GetValue<string>());
        Assert.Equal($"/api/reports/{id}", response.Headers.Location!.OriginalString);
        var deadline = DateTimeOffset.Parse(body["miitDeadline"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(8), deadline.Offset);
        Assert.InRange(deadline - before, TimeSpan.FromHours(48), TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task PostReport_ChineseText_RoundTripsToStatusPackageAndMail()
    {
        // Arrange
        var report = SampleRequests.Report();

        // Act
        var id = await host.SubmitReportAsync(report);
        var status = await host.WaitForAsync(id, s => s.Has("Acknowledged") && s.Has("UpstreamNotified"));
        var package = JsonNode.Parse(await host.Psirt.GetStringAsync($"/api/reports/{id}/miit-package"))!;

        // Assert
        Assert.Equal("李伟", status["report"]!["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal(report["title"]!.GetValue<string>(), status["report"]!["title"]!.GetValue<string>());
        Assert.Equal("Router X 路由器", package["package"]!["productName"]!.GetValue<string>());
        var acknowledgement = host.MailFiles().Single(m => MailReader.Header(m, "To") == "liwei@lab.example.cn" && m.Contains(id, StringComparison.Ordinal));
        Assert.Contains("漏洞报告已收到", MailReader.Header(acknowledgement, "Subject"), StringComparison.Ordinal);
        Assert.Contains("您好 李伟", MailReader.Body(acknowledgement), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReport_WithUpstreamComponent_NotifiesItsProviderAtOnce()
    {
        // Arrange
        var report = SampleRequests.Report(withUpstream: true);

        // Act
        var id = await host.SubmitReportAsync(report);
        var status = await host.WaitForAsync(id, s => s.Has("UpstreamNotified"));

        // Assert
        var entry = status["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "UpstreamNotified")!;
        Assert.Equal("Art. 7(1)", entry["article"]!.GetValue<string>());
        var notice = host.MailFiles().Single(m => MailReader.Header(m, "To") == "security@libfoo.example" && m.Contains(id, StringComparison.Ordinal));
        Assert.Contains("登录页面的 username 参数", MailReader.Body(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostReport_WithoutUpstreamComponent_SendsNoProviderNotice()
    {
        // Arrange
        var report = SampleRequests.Report(withUpstream: false);

        // Act
        var id = await host.SubmitReportAsync(report);
        var status = await host.WaitForAsync(id, s => s.Has("Acknowledged"));

        // Assert
        Assert.False(status.Has("UpstreamNotified"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id, StringComparison.Ordinal) && MailReader.Header(m, "To") != "liwei@lab.example.cn");
    }

    [Fact]
    public async Task PostReport_SameIdempotencyKeyTwice_ReturnsSameCaseAndOneOrchestration()
    {
        // Arrange
        var key = Guid.NewGuid().ToString();
        var casesBefore = await storage.CasesAsync();
        var orchestrationsBefore = await storage.OrchestrationsAsync();

        // Act
        var first = await PostWithKeyAsync(key, SampleRequests.Report());
        var second = await PostWithKeyAsync(key, SampleRequests.Report());

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var secondId = JsonNode.Parse(await second.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.Equal(firstId, secondId);
        await host.WaitForAsync(firstId, s => s.Has("Acknowledged"));
        Assert.Equal(casesBefore + 1, await storage.CasesAsync());
        Assert.Equal(orchestrationsBefore + 1, await storage.OrchestrationsAsync());
        Assert.Single(host.MailFiles(), m => m.Contains(firstId + "/acknowledgement", StringComparison.Ordinal));
        var log = (await storage.IntakeLogAsync()).Where(r => r.GetString("CaseId") == firstId).Select(r => r.GetString("Outcome"));
        Assert.Equal(["Accepted", "Replayed"], log);
    }

    [Fact]
    public async Task PostReport_SameIdempotencyKeyOtherBody_Returns422AndCreatesNothing()
    {
        // Arrange
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync(key, SampleRequests.Report());
        var casesBefore = await storage.CasesAsync();
        var other = SampleRequests.Report();
        other["title"] = "A different report";

        // Act
        var response = await PostWithKeyAsync(key, other);

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(casesBefore, await storage.CasesAsync());
    }

    public static TheoryData<string, string, string, HttpStatusCode, string?> BadRequests() => new()
    {
        { "missing email", "application/json", Without("reporter", "email"), HttpStatusCode.BadRequest, "reporter.email" },
        { "bad email", "application/json", With("reporter", "email", "not-an-address"), HttpStatusCode.BadRequest, "reporter.email" },
        { "bad provider email", "application/json", With("upstreamComponent", "providerEmail", "x@y"), HttpStatusCode.BadRequest, "upstreamComponent.providerEmail" },
        { "lower-case country", "application/json", With("reporter", "country", "cn"), HttpStatusCode.BadRequest, "reporter.country" },
        { "missing product", "application/json", WithoutTop("product"), HttpStatusCode.BadRequest, "product" },
        { "empty title", "application/json", WithTop("title", " "), HttpStatusCode.BadRequest, "title" },
        { "control character", "application/json", WithTop("title", "a\u0007b"), HttpStatusCode.BadRequest, "title" },
        { "wrong type", "application/json", """{"reporter":"李伟"}""", HttpStatusCode.BadRequest, "reporter" },
        { "malformed json", "application/json", """{"reporter": {""", HttpStatusCode.BadRequest, null },
        { "json null", "application/json", "null", HttpStatusCode.BadRequest, "$" },
        { "json array", "application/json", "[]", HttpStatusCode.BadRequest, null },
        { "empty body", "application/json", "", HttpStatusCode.BadRequest, null },
        { "text/plain", "text/plain", SampleRequests.Report().ToJsonString(), HttpStatusCode.UnsupportedMediaType, null },
        { "form", "application/x-www-form-urlencoded", "a=b", HttpStatusCode.UnsupportedMediaType, null },
        { "oversized", "application/json", WithTop("description", new string('x', 300 * 1024)), HttpStatusCode.RequestEntityTooLarge, null },
        { "deep nesting", "application/json", new string('[', 100) + new string(']', 100), HttpStatusCode.BadRequest, null },
        // 120 KB as sent, within every length limit, but 720 KB once stored: more than half of a case's 1 MiB.
        { "emoji filling a case", "application/json", WithRawDescription(string.Concat(Enumerable.Repeat("😀", 30_000))), HttpStatusCode.BadRequest, "description" },
    };

    // The serializer would send each emoji as two \u escapes; a client may as well send it as itself.
    private static string WithRawDescription(string description) =>
        WithTop("description", "@@").Replace("\"@@\"", "\"" + description + "\"", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task PostReport_BadRequest_ReturnsProblemAndCreatesNothing(string name, string contentType, string body, HttpStatusCode expected, string? field)
    {
        // Arrange
        var casesBefore = await storage.CasesAsync();
        var orchestrationsBefore = await storage.OrchestrationsAsync();
        var mailBefore = host.MailFiles().Count;
        var logBefore = (await storage.IntakeLogAsync()).Select(row => (row.PartitionKey, row.RowKey)).ToHashSet();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        // Act
        var response = await host.Anonymous.PostAsync("/api/reports", content);

        // Assert
        Assert.True(expected == response.StatusCode, $"{name}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        if (field is not null) Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(casesBefore, await storage.CasesAsync());
        Assert.Equal(orchestrationsBefore, await storage.OrchestrationsAsync());
        Assert.Equal(mailBefore, host.MailFiles().Count);
        // The new line, wherever it sorts (another test's line may carry a later, simulated time).
        var rejected = Assert.Single(await storage.IntakeLogAsync(), row => !logBefore.Contains((row.PartitionKey, row.RowKey)));
        Assert.Equal("Rejected", rejected.GetString("Outcome"));
        Assert.Equal((int)expected, rejected.GetInt32("Status"));
        Assert.Null(rejected.GetString("CaseId"));
        // Nothing of the rejected body is stored: no property holds the report's text.
        Assert.DoesNotContain(rejected.Select(p => p.Value).OfType<string>(), v => v.Contains("李伟", StringComparison.Ordinal) || v.Contains("xxxx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostReport_InvalidUtf8_Returns400AndCreatesNothing()
    {
        // Arrange
        var casesBefore = await storage.CasesAsync();
        var bytes = Encoding.UTF8.GetBytes(SampleRequests.Report().ToJsonString()).Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // Act
        var response = await host.Anonymous.PostAsync("/api/reports", content);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(casesBefore, await storage.CasesAsync());
    }

    [Fact]
    public async Task PostReport_BadIdempotencyKey_Returns400()
    {
        // Arrange
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(SampleRequests.Report()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 500));

        // Act
        var response = await host.Anonymous.SendAsync(request);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["Idempotency-Key"]);
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string key, JsonObject report)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(report) };
        request.Headers.Add("Idempotency-Key", key);
        return host.Anonymous.SendAsync(request);
    }

    private static string With(string parent, string field, string value)
    {
        var report = SampleRequests.Report();
        report[parent]![field] = value;
        return report.ToJsonString();
    }

    private static string Without(string parent, string field)
    {
        var report = SampleRequests.Report();
        report[parent]!.AsObject().Remove(field);
        return report.ToJsonString();
    }

    private static string WithTop(string field, string value)
    {
        var report = SampleRequests.Report();
        report[field] = value;
        return report.ToJsonString();
    }

    private static string WithoutTop(string field)
    {
        var report = SampleRequests.Report();
        report.Remove(field);
        return report.ToJsonString();
    }
}
