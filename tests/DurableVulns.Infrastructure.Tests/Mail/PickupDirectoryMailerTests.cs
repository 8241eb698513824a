using System.Text;
using System.Text.RegularExpressions;
using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Tests.Mail;

public sealed class PickupDirectoryMailerTests : IDisposable
{
    private const string ChineseSubject = "漏洞报告已收到 / Vulnerability report received: DV-2025-0001";
    private const string ChineseBody = "您好 李伟：\r\n\r\n我们已收到您关于“智能网关”的漏洞报告，编号 DV-2025-0001。\r\n在修复措施发布前，请勿公开漏洞信息（第九条）。\r\n";

    private static readonly DateTimeOffset Now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    // A folder that does not exist yet: the mailer must create it.
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dv-mail-tests-" + Guid.NewGuid().ToString("N"));
    private string Pickup => Path.Combine(_root, "pickup");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task SendAsync_ChineseSubjectAndBody_WritesOneEmlThatRoundTrips()
    {
        // Arrange
        var mailer = CreateMailer();
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", ["liwei@lab.example.cn"], ChineseSubject, ChineseBody);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var file = Assert.Single(Directory.GetFiles(Pickup));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileNameWithoutExtension(file));
        var parsed = Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal(ChineseSubject, DecodeWords(parsed.Single("Subject")));
        Assert.Equal(ChineseBody, parsed.Body);
        Assert.Equal("liwei@lab.example.cn", parsed.Single("To"));
        Assert.Equal("DV-2025-0001/acknowledgement", parsed.Single("X-DurableVulns-Key"));
        Assert.Matches(@"^=\?utf-8\?B\?", parsed.Single("Subject"));
    }

    [Fact]
    public async Task SendAsync_TemplatedMail_WritesTextBodyWithChineseAndEnglishLines()
    {
        // Arrange
        var mailer = CreateMailer();
        var body = "请审核 / Please review: 提前公开漏洞信息的评估 / early disclosure before the patch (Art. 9(1))\n"
            + "\n"
            + "标题 / Title: 栈溢出\n"
            + "您以 Legal 审核人身份收到此邮件。请在 2025-03-11 13:06 UTC+08:00 前作出决定；逾期未决定则维持禁止公开。\n"
            + "You receive this as a Legal reviewer. Please decide by 2025-03-11 13:06 UTC+08:00; without a decision the embargo stays.\n";
        var data = new Dictionary<string, string> { ["title"] = "栈溢出", ["role"] = "Legal" };
        var mail = new OutgoingMail("DV-2025-0001/review/r1/Legal/legal@vendor.example", ["legal@vendor.example"],
            "审核请求 / Review request: DV-2025-0001", body, "review-request", data);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var parsed = Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Pickup))));
        Assert.Equal(body.ReplaceLineEndings("\r\n"), parsed.Body);
        var lines = parsed.Body.Split("\r\n");
        Assert.Contains("标题 / Title: 栈溢出", lines);
        Assert.Contains(lines, line => line.StartsWith("您以 Legal 审核人身份收到此邮件。", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("You receive this as a Legal reviewer.", StringComparison.Ordinal));
        Assert.Equal("text/plain; charset=utf-8", parsed.Single("Content-Type"));
    }

    [Fact]
    public async Task SendAsync_AnyMail_WritesRfc5322AndMimeHeaders()
    {
        // Arrange
        var mailer = CreateMailer(from: "psirt@vendor.example");
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", ["a@lab.example.cn", "b@lab.example.cn"], "Plain subject", "Hello");

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var file = Assert.Single(Directory.GetFiles(Pickup));
        var id = Path.GetFileNameWithoutExtension(file);
        var parsed = Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal("psirt@vendor.example", parsed.Single("From"));
        Assert.Equal("a@lab.example.cn, b@lab.example.cn", parsed.Single("To"));
        Assert.Equal("Plain subject", parsed.Single("Subject"));
        Assert.Equal("Tue, 04 Mar 2025 05:06:07 +0000", parsed.Single("Date"));
        Assert.Equal($"<{id}@durablevulns.local>", parsed.Single("Message-ID"));
        Assert.Equal("1.0", parsed.Single("MIME-Version"));
        Assert.Equal("text/plain; charset=utf-8", parsed.Single("Content-Type"));
        Assert.Equal("base64", parsed.Single("Content-Transfer-Encoding"));
        Assert.Equal("Hello", parsed.Body);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_KeepsOneFileWithLatestContent()
    {
        // Arrange
        var mailer = CreateMailer();
        var first = new OutgoingMail("DV-2025-0001/miit-reminder-1", ["psirt@vendor.example"], "第一次", "first");
        var retry = first with { Subject = "第二次", TextBody = "retry" };

        // Act
        await mailer.SendAsync(first);
        await mailer.SendAsync(retry);

        // Assert
        var file = Assert.Single(Directory.GetFiles(Pickup, "*", SearchOption.AllDirectories));
        var parsed = Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal("第二次", DecodeWords(parsed.Single("Subject")));
        Assert.Equal("retry", parsed.Body);
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_WritesOneFileEach()
    {
        // Arrange
        var mailer = CreateMailer();

        // Act
        await mailer.SendAsync(new OutgoingMail("DV-1/acknowledgement", ["a@lab.example.cn"], "s", "b"));
        await mailer.SendAsync(new OutgoingMail("DV-2/acknowledgement", ["a@lab.example.cn"], "s", "b"));

        // Assert
        Assert.Equal(2, Directory.GetFiles(Pickup, "*.eml").Length);
        Assert.Equal(2, Directory.GetFiles(Pickup).Length);
    }

    [Fact]
    public async Task SendAsync_HeaderInjectionInSubject_AddsNoHeaderLine()
    {
        // Arrange
        var mailer = CreateMailer();
        var subject = "Report\r\nBcc: attacker@evil.example\r\nX-Injected: yes\nContent-Type: text/html";
        var mail = new OutgoingMail("DV-2025-0001/upstream-notice", ["upstream@lib.example.org"], subject, "body");

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Pickup)));
        var parsed = Parse(bytes);
        Assert.DoesNotContain(parsed.Headers, h => h.Key is "Bcc" or "X-Injected");
        Assert.Single(parsed.Headers, h => h.Key == "Content-Type");
        Assert.DoesNotContain(SplitLines(bytes), line => line.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        var decoded = DecodeWords(parsed.Single("Subject"));
        Assert.DoesNotContain('\r', decoded);
        Assert.DoesNotContain('\n', decoded);
        Assert.Contains("Bcc: attacker@evil.example", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_KeyWithLineBreakAndNonAscii_EncodesKeyExactly()
    {
        // Arrange
        var mailer = CreateMailer();
        var key = "DV-2025-0001/通知\r\nBcc: attacker@evil.example";
        var mail = new OutgoingMail(key, ["a@lab.example.cn"], "s", "b");

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var parsed = Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Pickup))));
        Assert.DoesNotContain(parsed.Headers, h => h.Key == "Bcc");
        Assert.Equal(key, DecodeWords(parsed.Single("X-DurableVulns-Key")));
    }

    [Theory]
    [InlineData("a@lab.example.cn\r\nBcc: attacker@evil.example")]
    [InlineData("a@lab.example.cn, attacker@evil.example")]
    [InlineData("Li Wei <a@lab.example.cn>")]
    public async Task SendAsync_RecipientThatIsNotOnePlainAddress_ThrowsAndWritesNothing(string recipient)
    {
        // Arrange
        var mailer = CreateMailer();
        var mail = new OutgoingMail("DV-2025-0001/acknowledgement", [recipient], "s", "b");

        // Act
        var act = () => mailer.SendAsync(mail);

        // Assert
        await Assert.ThrowsAsync<ArgumentException>(act);
        Assert.False(Directory.Exists(Pickup) && Directory.EnumerateFileSystemEntries(Pickup).Any());
    }

    [Fact]
    public async Task SendAsync_LongSubjectKeyAndRecipientList_FoldsToCrlfLinesWithinLimits()
    {
        // Arrange
        var mailer = CreateMailer();
        // Mixed 3-byte (Chinese) and 4-byte (emoji) characters, so encoded-words must not split a sequence.
        var subject = string.Concat(Enumerable.Repeat("网络产品安全漏洞管理规定🔒 MIIT ", 40));
        var key = "DV-2025-0001/" + new string('k', 2000);
        var to = Enumerable.Range(1, 60).Select(i => $"user{i}@affected.example.com").ToArray();
        var body = string.Concat(Enumerable.Repeat("修复措施 fix line\n", 200));
        var mail = new OutgoingMail(key, to, subject, body);

        // Act
        await mailer.SendAsync(mail);

        // Assert
        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Pickup)));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
        var lines = SplitLines(bytes);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 998, $"line of {line.Length} chars"));
        var headerLines = lines.TakeWhile(line => line.Length > 0).ToList();
        Assert.All(headerLines, line => Assert.True(line.Length <= 78, $"header line of {line.Length} chars: {line}"));

        var parsed = Parse(bytes);
        Assert.Equal(subject, DecodeWords(parsed.Single("Subject")));
        Assert.Equal(key, DecodeWords(parsed.Single("X-DurableVulns-Key")));
        Assert.Equal(to, parsed.Single("To").Split(", "));
        // Text bodies are stored in canonical CRLF form (RFC 2046).
        Assert.Equal(body.ReplaceLineEndings("\r\n"), parsed.Body);
        Assert.All(lines.SkipWhile(line => line.Length > 0).Skip(1), line => Assert.True(line.Length <= 76));
    }

    [Fact]
    public async Task SendAsync_SuccessfulSend_LeavesNoTemporaryFile()
    {
        // Arrange
        var mailer = CreateMailer();

        // Act
        await mailer.SendAsync(new OutgoingMail("DV-1/acknowledgement", ["a@lab.example.cn"], "s", "b"));

        // Assert
        Assert.Empty(Directory.GetFiles(Pickup, "*.tmp"));
    }

    [Fact]
    public void Constructor_RelativeDirectory_ResolvesAgainstCurrentDirectory()
    {
        // Arrange
        var options = Options.Create(new MailOptions { PickupDirectory = ".data/mail" });

        // Act
        var mailer = new PickupDirectoryMailer(options, new FixedTime(Now));

        // Assert
        Assert.Equal(Path.GetFullPath(".data/mail", Directory.GetCurrentDirectory()), mailer.PickupDirectory);
    }

    private PickupDirectoryMailer CreateMailer(string from = "psirt@durablevulns.local") =>
        new(Options.Create(new MailOptions { PickupDirectory = Pickup, From = from }), new FixedTime(Now));

    private static List<string> SplitLines(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n").ToList();
        lines.RemoveAt(lines.Count - 1); // after the final CRLF
        return lines;
    }

    /// <summary>A minimal RFC 5322 reader: unfolds headers and base64-decodes the body.</summary>
    private static ParsedMail Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, "no blank line between header and body");

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in text[..split].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                // Unfolding removes only the CRLF (RFC 5322 §2.2.3).
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a header line: {line}");
            headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart(' ')));
        }

        var base64 = text[(split + 4)..].Replace("\r\n", "", StringComparison.Ordinal);
        return new ParsedMail(headers, Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
    }

    /// <summary>Decodes RFC 2047 B-words; whitespace between adjacent encoded-words is dropped (§6.2).</summary>
    private static string DecodeWords(string value)
    {
        var joined = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return Regex.Replace(joined, @"=\?utf-8\?B\?([A-Za-z0-9+/=]*)\?=",
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)),
            RegexOptions.IgnoreCase);
    }

    private sealed record ParsedMail(List<KeyValuePair<string, string>> Headers, string Body)
    {
        public string Single(string name) => Assert.Single(Headers, h => h.Key == name).Value;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
