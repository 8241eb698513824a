using System.Net;
using System.Text;
using System.Text.Json;
using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using SendGrid;

namespace DurableVulns.Infrastructure.Tests.Mail;

/// <summary>Runs the real <see cref="SendGridClient"/> and checks what it puts on the wire.</summary>
public sealed class SendGridMailerTests
{
    private const string ApiKey = "SG.test-key";
    private const string Subject = "漏洞报告已收到 / Vulnerability report received: DV-2025-0001";
    private const string Body = "您好 李伟：我们已收到您的漏洞报告。";
    private const string TemplateName = "review-request";
    private const string TemplateId = "d-0123456789abcdef0123456789abcdef";
    private const string ReviewSubject = "审核请求 / Review request: DV-2025-0001";
    private const string ReviewBody = "请审核 / Please review: 提前公开漏洞信息的评估 / early disclosure\n标题 / Title: 栈溢出";

    private static readonly Dictionary<string, string> ReviewData = new()
    {
        ["caseId"] = "DV-2025-0001",
        ["kindZh"] = "提前公开漏洞信息的评估",
        ["title"] = "栈溢出",
        ["approveUrl"] = "https://psirt.example/approve/abc",
    };

    [Fact]
    public async Task SendAsync_ValidMail_PostsMailSendRequestWithBearerKeyAndContent()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", ["liwei@lab.example.cn"], Subject, Body);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://api.sendgrid.com/v3/mail/send"), request.Uri);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("psirt@vendor.example", root.GetProperty("from").GetProperty("email").GetString());
        var to = root.GetProperty("personalizations")[0].GetProperty("to").EnumerateArray()
            .Select(t => t.GetProperty("email").GetString());
        Assert.Equal(["liwei@lab.example.cn"], to);
        Assert.Equal(Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content")[0];
        Assert.Equal("text/plain", content.GetProperty("type").GetString());
        Assert.Equal(Body, content.GetProperty("value").GetString());
        Assert.Equal(1, root.GetProperty("content").GetArrayLength());
        Assert.Equal("DV-2025-0001/acknowledgement", root.GetProperty("headers").GetProperty("X-DurableVulns-Key").GetString());
        Assert.Equal("DV-2025-0001/acknowledgement", root.GetProperty("custom_args").GetProperty("X-DurableVulns-Key").GetString());
    }

    [Fact]
    public async Task SendAsync_ValidMail_TurnsClickAndOpenTrackingOff()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        var mail = new OutgoingMail("DV-2025-0001/review/r1/MIIT/reviewer@miit.example.cn", ["reviewer@miit.example.cn"], ReviewSubject, ReviewBody);

        // Act
        await mailer.SendAsync(mail);

        // Assert: the approval links go to the reviewer as written, not through SendGrid's redirector.
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var tracking = json.RootElement.GetProperty("tracking_settings");
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(tracking.GetProperty("click_tracking").GetProperty("enable_text").GetBoolean());
        Assert.False(tracking.GetProperty("open_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_SeveralRecipients_GivesEachRecipientOwnPersonalization()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        string[] recipients = ["a@affected.example.com", "b@affected.example.com", "c@affected.example.com"];
        var mail = new OutgoingMail("DV-2025-0001/affected-user-notice", recipients, Subject, Body);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var personalizations = json.RootElement.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(recipients.Length, personalizations.Count);
        Assert.All(personalizations, p => Assert.Equal(1, p.GetProperty("to").GetArrayLength()));
        var to = personalizations.Select(p => p.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal(recipients, to);
    }

    // Refused for good (a recipient SendGrid will not take, or too large): the workflow records it
    // as undeliverable. Anything else, a 400 about our own set-up included, is retried.
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, null, typeof(MailServiceException))]
    [InlineData(HttpStatusCode.TooManyRequests, null, typeof(MailServiceException))]
    [InlineData(HttpStatusCode.Unauthorized, null, typeof(MailServiceException))]
    [InlineData(HttpStatusCode.BadRequest, null, typeof(MailServiceException))]
    [InlineData(HttpStatusCode.BadRequest, "template_id", typeof(MailServiceException))]
    [InlineData(HttpStatusCode.BadRequest, "from.email", typeof(MailServiceException))]
    [InlineData(HttpStatusCode.BadRequest, "personalizations.0.to.0.email", typeof(MailRefusedException))]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, null, typeof(MailRefusedException))]
    public async Task SendAsync_NonSuccessStatus_ThrowsByKindWithStatusButNotBody(HttpStatusCode status, string? errorField, Type expected)
    {
        // Arrange
        var field = errorField is null ? "" : $",\"field\":\"{errorField}\"";
        var handler = new RecordingHandler(status, $$"""{"errors":[{"message":"secret report detail"{{field}}}]}""");
        var mailer = CreateMailer(handler);
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", ["liwei@lab.example.cn"], Subject, Body);

        // Act
        var act = () => mailer.SendAsync(mail);

        // Assert
        var error = await Assert.ThrowsAsync(expected, act);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreaks_SendsOneLineSubject()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        var mail = new OutgoingMail("DV-2025-0001/upstream-notice", ["upstream@lib.example.org"], "Report\r\nBcc: attacker@evil.example", Body);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        Assert.Equal("Report  Bcc: attacker@evil.example", json.RootElement.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task SendAsync_KeyWithLineBreak_SendsEncodedHeaderAndExactCustomArg()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        var key = "DV-2025-0001/x\r\nBcc: attacker@evil.example";
        var mail = new OutgoingMail(key, ["a@lab.example.cn"], Subject, Body);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var header = json.RootElement.GetProperty("headers").GetProperty("X-DurableVulns-Key").GetString();
        Assert.Equal($"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(key))}?=", header);
        Assert.Equal(key, json.RootElement.GetProperty("custom_args").GetProperty("X-DurableVulns-Key").GetString());
    }

    [Theory]
    [InlineData("a@lab.example.cn\r\nBcc: attacker@evil.example")]
    [InlineData("not-an-address")]
    public async Task SendAsync_InvalidRecipient_ThrowsArgumentExceptionWithoutCallingSendGrid(string recipient)
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler);
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", [recipient], Subject, Body);

        // Act
        var act = () => mailer.SendAsync(mail);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendAsync_TemplateConfigured_PostsTemplateIdAndDynamicDataWithoutContent()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler, new() { [TemplateName] = TemplateId });
        string[] reviewers = ["legal@vendor.example", "psirt-lead@vendor.example"];
        var mail = new OutgoingMail("DV-2025-0001/review/r1/Legal", reviewers, ReviewSubject, ReviewBody, TemplateName, ReviewData);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var root = json.RootElement;
        Assert.Equal(TemplateId, root.GetProperty("template_id").GetString());
        Assert.False(root.TryGetProperty("content", out _), "a templated mail must not carry a text body");
        var personalizations = root.GetProperty("personalizations").EnumerateArray().ToList();
        Assert.Equal(reviewers, personalizations.Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()));
        var expected = new Dictionary<string, string>(ReviewData) { ["subject"] = ReviewSubject };
        Assert.All(personalizations, p =>
        {
            var data = p.GetProperty("dynamic_template_data");
            Assert.Equal(JsonValueKind.Object, data.ValueKind);
            var actual = data.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString() ?? "<not a string>");
            Assert.Equal(expected, actual);
            Assert.Equal("栈溢出", data.GetProperty("title").GetString());
        });
        Assert.Equal("DV-2025-0001/review/r1/Legal", root.GetProperty("headers").GetProperty("X-DurableVulns-Key").GetString());
        Assert.Equal("DV-2025-0001/review/r1/Legal", root.GetProperty("custom_args").GetProperty("X-DurableVulns-Key").GetString());
    }

    [Fact]
    public async Task SendAsync_TemplateWithoutConfiguredId_PostsPlainTextContent()
    {
        // Arrange
        var handler = new RecordingHandler(HttpStatusCode.Accepted);
        var mailer = CreateMailer(handler, new() { ["advisory"] = TemplateId });
        var mail = new OutgoingMail("DV-2025-0001/review/r1/Legal", ["legal@vendor.example"], ReviewSubject, ReviewBody, TemplateName, ReviewData);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        using var json = JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var root = json.RootElement;
        Assert.False(root.TryGetProperty("template_id", out _), "no template id is configured for review-request");
        Assert.False(root.GetProperty("personalizations")[0].TryGetProperty("dynamic_template_data", out _));
        Assert.Equal(ReviewSubject, root.GetProperty("subject").GetString());
        var content = Assert.Single(root.GetProperty("content").EnumerateArray());
        Assert.Equal("text/plain", content.GetProperty("type").GetString());
        Assert.Equal(ReviewBody, content.GetProperty("value").GetString());
        Assert.Equal("DV-2025-0001/review/r1/Legal", root.GetProperty("custom_args").GetProperty("X-DurableVulns-Key").GetString());
    }

    private static SendGridMailer CreateMailer(RecordingHandler handler, Dictionary<string, string>? templates = null)
    {
        var client = new SendGridClient(new HttpClient(handler), new SendGridClientOptions { ApiKey = ApiKey });
        var options = new MailOptions { Mode = MailMode.SendGrid, From = "psirt@vendor.example", Templates = templates ?? [] };
        return new SendGridMailer(client, Options.Create(options));
    }

    private sealed record RecordedRequest(HttpMethod Method, Uri? Uri, string? Authorization, string Body);

    /// <summary>Stands in for api.sendgrid.com: records each request and answers with a fixed status.</summary>
    private sealed class RecordingHandler(HttpStatusCode status, string responseBody = "") : HttpMessageHandler
    {
        public List<RecordedRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new RecordedRequest(request.Method, request.RequestUri, request.Headers.Authorization?.ToString(), body));
            return new HttpResponseMessage(status) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
        }
    }
}
