using System.Text;
using System.Text.Json;
using DurableVulns.Api.Http;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Api.Tests.Http;

public sealed class JsonBodyReaderTests
{
    private const string ValidReport = """
        {
          "reporter": { "name": "李伟", "email": "liwei@lab.example.cn", "organization": "某某安全实验室", "country": "CN" },
          "product": { "vendor": "某某网络设备有限公司", "name": "智能网关", "model": "GW-100", "version": "1.2.3" },
          "title": "智能网关远程命令执行",
          "description": "管理接口存在命令注入漏洞。\n攻击者无需认证即可执行任意命令。",
          "upstreamComponent": null
        }
        """;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("text/json")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("not a media type")]
    public async Task ReadAsync_NotJsonInUtf8_Returns415(string? contentType)
    {
        // Arrange
        var request = TestHttp.Request(Encoding.UTF8.GetBytes(ValidReport), contentType);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.False(body.Succeeded);
        Assert.Null(body.Value);
        Assert.Equal("content-type", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(415, result.Status);
        Assert.Equal(415, result.Json.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; Charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    public async Task ReadAsync_JsonContentType_ReturnsValue(string contentType)
    {
        // Arrange
        var request = TestHttp.Request(ValidReport, contentType);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.True(body.Succeeded);
        Assert.Null(body.Problem);
        Assert.Null(body.RejectReason);
        Assert.Equal("李伟", body.Value!.Reporter.Name);
        Assert.Equal("liwei@lab.example.cn", body.Value.Reporter.Email);
        Assert.Equal("GW-100", body.Value.Product.Model);
        Assert.Equal("管理接口存在命令注入漏洞。\n攻击者无需认证即可执行任意命令。", body.Value.Description);
        Assert.Null(body.Value.UpstreamComponent);
        Assert.Equal(ValidReport, body.RawText);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverLimit_Returns413WithoutReadingTheBody()
    {
        // Arrange
        var request = TestHttp.Request(Encoding.UTF8.GetBytes(ValidReport), contentLength: JsonBodyReader.MaxBodyBytes + 1);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("too-large", body.RejectReason);
        Assert.Equal(0, request.Body.Position);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(413, result.Status);
    }

    [Fact]
    public async Task ReadAsync_BodyOverLimitWithoutContentLength_Returns413()
    {
        // Arrange
        var request = TestHttp.Request(Padded(ValidReport, JsonBodyReader.MaxBodyBytes + 1), contentLength: null);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("too-large", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(413, result.Status);
    }

    [Fact]
    public async Task ReadAsync_BodyLongerThanItsContentLengthSays_Returns413()
    {
        // Arrange
        var request = TestHttp.Request(Padded(ValidReport, JsonBodyReader.MaxBodyBytes + 1), contentLength: 100);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(413, result.Status);
    }

    [Fact]
    public async Task ReadAsync_BodyOfExactlyTheLimit_ReturnsValue()
    {
        // Arrange
        var bytes = Padded(ValidReport, JsonBodyReader.MaxBodyBytes);
        var request = TestHttp.Request(bytes, contentLength: bytes.Length);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.True(body.Succeeded);
        Assert.Equal("智能网关", body.Value!.Product.Name);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0xFF })] // never valid in UTF-8
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded UTF-16 surrogate
    [InlineData(new byte[] { 0xE6, 0xBC })] // truncated 漏
    public async Task ReadAsync_InvalidUtf8_Returns400ProblemForTheWholeBody(byte[] invalid)
    {
        // Arrange
        byte[] bytes = [.. "{\"title\":\""u8.ToArray(), .. invalid, .. "\"}"u8.ToArray()];
        var request = TestHttp.Request(bytes, contentLength: bytes.Length);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("utf-8", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.Equal(["$"], result.ErrorFields());
        Assert.Equal(["The body is not valid UTF-8."], result.Errors("$"));
    }

    [Fact]
    public async Task ReadAsync_BodyStartingWithUtf8ByteOrderMark_ReturnsValueWithoutTheMark()
    {
        // Arrange
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidReport)];
        var request = TestHttp.Request(bytes, contentLength: bytes.Length);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.True(body.Succeeded);
        Assert.Null(body.Problem);
        Assert.Null(body.RejectReason);
        Assert.Equal("李伟", body.Value!.Reporter.Name);
        Assert.Equal("智能网关远程命令执行", body.Value.Title);
        Assert.Equal(ValidReport, body.RawText);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkInsideTheBody_Returns400()
    {
        // Arrange: only a leading mark may be ignored.
        byte[] bytes = [.. Encoding.UTF8.GetBytes(" "), 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidReport)];
        var request = TestHttp.Request(bytes, contentLength: bytes.Length);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.False(body.Succeeded);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
    }

    [Fact]
    public async Task ReadAsync_NestingOf16_ReturnsValue()
    {
        // Arrange
        var request = TestHttp.Request(Nested(JsonBodyReader.MaxDepth));

        // Act
        var body = await JsonBodyReader.ReadAsync<JsonElement>(request, CancellationToken.None);

        // Assert
        Assert.True(body.Succeeded);
        Assert.Equal(JsonValueKind.Array, body.Value.ValueKind);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(1_000)]
    public async Task ReadAsync_NestingDeeperThan16_Returns400(int depth)
    {
        // Arrange
        var request = TestHttp.Request(Nested(depth));

        // Act
        var body = await JsonBodyReader.ReadAsync<JsonElement>(request, CancellationToken.None);

        // Assert
        Assert.False(body.Succeeded);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.NotEmpty(result.ErrorFields());
    }

    [Fact]
    public async Task ReadAsync_DeepNestingInUnknownMemberOfReport_Returns400()
    {
        // Arrange
        var request = TestHttp.Request("{\"title\":\"t\",\"extra\":" + Nested(40) + "}");

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
    }

    [Theory]
    [InlineData("""{"reporter":{"name":"李伟","email":42}}""", "reporter.email")]
    [InlineData("""{"reporter":{"email":["a@b.example"]}}""", "reporter.email")]
    [InlineData("""{"product":"智能网关"}""", "product")]
    [InlineData("""{"title":{"zh":"标题"}}""", "title")]
    public async Task ReadAsync_WrongTypeAtMember_ReturnsProblemNamingItsPath(string json, string path)
    {
        // Arrange
        var request = TestHttp.Request(json);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("json:" + path, body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.Equal([path], result.ErrorFields());
    }

    [Theory]
    [InlineData("secret 机密 text")]
    [InlineData("secret-text")]
    public async Task ReadAsync_DeepNestingUnderClientMemberName_ReasonAndFieldsDoNotCarryTheName(string name)
    {
        // Arrange
        var request = TestHttp.Request("{\"" + name + "\":" + Nested(JsonBodyReader.MaxDepth + 1) + "}");

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.False(body.Succeeded);
        Assert.Equal("json:$", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.Equal(["$"], result.ErrorFields());
        var problem = result.Json.GetRawText();
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body.RejectReason, StringComparison.Ordinal);
        Assert.DoesNotContain("机密", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u673A", problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ReadAsync_DeepNestingUnderClientMemberNameOfAnyDocument_ReasonAndFieldsAreTheWholeBody()
    {
        // Arrange
        var request = TestHttp.Request("{\"secret 机密 text\":" + Nested(JsonBodyReader.MaxDepth + 1) + "}");

        // Act
        var body = await JsonBodyReader.ReadAsync<JsonElement>(request, CancellationToken.None);

        // Assert
        Assert.Equal("json:$", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(["$"], result.ErrorFields());
        Assert.DoesNotContain("secret", result.Json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongTypeAtReporterEmailBesideUnknownMember_StillNamesReporterEmail()
    {
        // Arrange
        var request = TestHttp.Request("""{"secret 机密 text":"x","reporter":{"name":"李伟","email":42}}""");

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("json:reporter.email", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(["reporter.email"], result.ErrorFields());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"title\":\"t\"} trailing")]
    public async Task ReadAsync_MalformedOrNotAnObject_Returns400ForTheWholeBody(string json)
    {
        // Arrange
        var request = TestHttp.Request(json);

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.Equal(["$"], result.ErrorFields());
    }

    [Fact]
    public async Task ReadAsync_JsonNull_Returns400AskingForAnObject()
    {
        // Arrange
        var request = TestHttp.Request("null");

        // Act
        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(request, CancellationToken.None);

        // Assert
        Assert.Equal("empty", body.RejectReason);
        var result = await TestHttp.ExecuteAsync(body.Problem!);
        Assert.Equal(400, result.Status);
        Assert.Equal(["A JSON object is required."], result.Errors("$"));
    }

    // The JSON followed by spaces up to exactly `length` bytes.
    private static byte[] Padded(string json, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return [.. bytes, .. Enumerable.Repeat((byte)' ', length - bytes.Length)];
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
