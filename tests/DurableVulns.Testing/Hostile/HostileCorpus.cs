using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableVulns.Testing.Hostile;

/// <summary>
/// A generated corpus of intake requests that are each invalid: malformed JSON, wrong types at every
/// field, missing and empty fields, deep nesting, strings over the field limits, invalid UTF-8, control
/// characters, injection strings where they break a field's rule, oversized and odd bodies, wrong
/// content types and bad idempotency keys. A valid report that merely mentions <c>&lt;script&gt;</c>
/// is a valid report, so injection strings appear only where the field's rule rejects them.
/// </summary>
public static class HostileCorpus
{
    private const int BadRequest = 400;
    private const int TooLarge = 413;
    private const int UnsupportedMediaType = 415;
    private const string Json = "application/json";
    private const int MaxBody = 256 * 1024;

    /// <summary>Marks where raw bytes go into an otherwise valid body.</summary>
    private const string Marker = "MARKER";

    // Raw (not \u-escaped) text, as a hostile client would send it; control characters stay escaped.
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] LineFields =
    [
        "reporter.name", "reporter.organization", "product.vendor", "product.name", "product.model", "product.version",
        "title", "upstreamComponent.name",
    ];

    private static readonly string[] StringFields = [.. LineFields, "reporter.email", "reporter.country", "description", "upstreamComponent.providerEmail"];

    private static readonly string[] RequiredStrings =
    [
        "reporter.name", "reporter.email", "reporter.country", "product.vendor", "product.name", "product.version",
        "title", "description", "upstreamComponent.name", "upstreamComponent.providerEmail",
    ];

    private static readonly string[] ObjectFields = ["reporter", "product", "upstreamComponent"];

    public static IReadOnlyList<BadIntake> All()
    {
        var corpus = new List<BadIntake>();
        Malformed(corpus);
        WrongTypes(corpus);
        MissingOrEmpty(corpus);
        DeepNesting(corpus);
        OverLimits(corpus);
        InvalidUtf8(corpus);
        ControlCharacters(corpus);
        Injection(corpus);
        Bodies(corpus);
        ContentTypes(corpus);
        IdempotencyKeys(corpus);
        return corpus;
    }

    private static void Malformed(List<BadIntake> corpus)
    {
        // A valid report cut short anywhere is not JSON (a cut inside a character is not UTF-8 either).
        var valid = Bytes(Valid());
        for (var k = 1; k <= 40; k++)
        {
            var length = (int)((long)valid.Length * k / 41);
            corpus.Add(new($"truncated at byte {length}", Json, valid[..length], BadRequest));
        }

        var text = Text(Valid());
        string[] syntax =
        [
            "{'reporter': {'name': 'x'}}",
            "{reporter: {name: \"x\"}}",
            text[..^1] + ",}",
            "/* comment */" + text,
            "// comment\n" + text,
            text + "// trailing comment",
            """{"title": NaN}""",
            """{"title": Infinity}""",
            """{"title": undefined}""",
            """{"title": 0x10}""",
            """{"title": 01}""",
            """{"title": .5}""",
            """{"title": 1.}""",
            """{"title": -}""",
            """{"title": tru}""",
            """{"title": "a" "b"}""",
            """{"title" "a"}""",
            """{"title": "unterminated}""",
            """{"title": "bad escape \x41"}""",
            """{"title": "short escape \u12"}""",
            """{"a":}""",
            "{,}",
            "}{",
            "{{}}",
            "[}",
            "\"",
            text + "garbage",
            text.Replace("\"title\":", "\"title\"::", StringComparison.Ordinal),
        ];
        // A member given twice, the later value invalid: whichever a parser keeps, the request is invalid.
        corpus.Add(new("title twice, then a number", Json, Encoding.UTF8.GetBytes(text[..^1] + ",\"title\":42}"), BadRequest));
        corpus.Add(new("reporter twice, then without an address", Json, Encoding.UTF8.GetBytes(text[..^1] + ",\"reporter\":{\"name\":\"x\",\"country\":\"CN\"}}"), BadRequest));

        for (var i = 0; i < syntax.Length; i++) corpus.Add(new($"syntax #{i}: {Clip(syntax[i])}", Json, Encoding.UTF8.GetBytes(syntax[i]), BadRequest));
    }

    private static void WrongTypes(List<BadIntake> corpus)
    {
        JsonNode?[] notStrings = [42, -1.5e300, true, false, new JsonArray(), new JsonArray("x"), new JsonObject(), new JsonObject { ["x"] = "y" }];
        foreach (var field in StringFields)
        {
            foreach (var value in notStrings)
                corpus.Add(new($"{field} = {value?.ToJsonString() ?? "null"}", Json, Bytes(With(field, value?.DeepClone())), BadRequest));
        }

        JsonNode?[] notObjects = ["text", 42, true, new JsonArray(), new JsonArray(new JsonObject())];
        foreach (var field in ObjectFields)
        {
            foreach (var value in notObjects)
                corpus.Add(new($"{field} = {value?.ToJsonString()}", Json, Bytes(With(field, value?.DeepClone())), BadRequest));
        }
    }

    private static void MissingOrEmpty(List<BadIntake> corpus)
    {
        foreach (var field in RequiredStrings)
        {
            corpus.Add(new($"{field} missing", Json, Bytes(Without(field)), BadRequest));
            corpus.Add(new($"{field} = null", Json, Bytes(With(field, null)), BadRequest));
            corpus.Add(new($"{field} = \"\"", Json, Bytes(With(field, "")), BadRequest));
            corpus.Add(new($"{field} = blanks", Json, Bytes(With(field, " \t ")), BadRequest));
        }
        foreach (var field in new[] { "reporter", "product" })
        {
            corpus.Add(new($"{field} missing", Json, Bytes(Without(field)), BadRequest));
            corpus.Add(new($"{field} = null", Json, Bytes(With(field, null)), BadRequest));
            corpus.Add(new($"{field} = {{}}", Json, Bytes(With(field, new JsonObject())), BadRequest));
        }
        corpus.Add(new("upstreamComponent = {}", Json, Bytes(With("upstreamComponent", new JsonObject())), BadRequest));
    }

    private static void DeepNesting(List<BadIntake> corpus)
    {
        // The limit is 16 levels, the report object itself being the first.
        foreach (var depth in new[] { 17, 64, 1000, 100_000 })
            corpus.Add(new($"root arrays nested {depth} deep", Json, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth)), BadRequest));
        foreach (var depth in new[] { 17, 1000 })
            corpus.Add(new($"root objects nested {depth} deep", Json, Encoding.ASCII.GetBytes(Nested("{\"a\":", "}", depth, "1")), BadRequest));
        foreach (var depth in new[] { 16, 200, 10_000 })
            corpus.Add(new($"unknown member nested {depth} more levels", Json, Splice(Valid(), "\"extra\":" + Nested("[", "]", depth, "1") + ","), BadRequest));
        corpus.Add(new("description nested 20 deep", Json, Bytes(With("description", JsonNode.Parse(Nested("{\"a\":", "}", 20, "\"x\"")))), BadRequest));
        corpus.Add(new("reporter.name nested 30 deep", Json, Bytes(With("reporter.name", JsonNode.Parse(Nested("[", "]", 30, "\"x\"")))), BadRequest));
        corpus.Add(new("unclosed arrays 10000 deep", Json, Encoding.ASCII.GetBytes(new string('[', 10_000)), BadRequest));
    }

    private static void OverLimits(List<BadIntake> corpus)
    {
        foreach (var field in LineFields)
        {
            corpus.Add(new($"{field} 201 characters", Json, Bytes(With(field, new string('a', 201))), BadRequest));
            corpus.Add(new($"{field} 10000 characters", Json, Bytes(With(field, new string('a', 10_000))), BadRequest));
        }
        corpus.Add(new("title 201 Chinese characters", Json, Bytes(With("title", new string('漏', 201))), BadRequest));
        corpus.Add(new("reporter.name 201 Chinese characters", Json, Bytes(With("reporter.name", new string('李', 201))), BadRequest));
        corpus.Add(new("description 100001 characters", Json, Bytes(With("description", new string('d', 100_001))), BadRequest));
        corpus.Add(new("reporter.email 255 characters", Json, Bytes(With("reporter.email", new string('a', 243) + "@example.com")), BadRequest));
        corpus.Add(new("providerEmail 300 characters", Json, Bytes(With("upstreamComponent.providerEmail", "security@" + new string('l', 287) + ".cn")), BadRequest));
        foreach (var country in new[] { "CHN", "C", "china", "ＣＮ", "cn", "C1" })
            corpus.Add(new($"reporter.country = {country}", Json, Bytes(With("reporter.country", country)), BadRequest));
    }

    private static void InvalidUtf8(List<BadIntake> corpus)
    {
        byte[][] sequences =
        [
            [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xE2, 0x82, 0x28], [0xF0, 0x28, 0x8C, 0xBC], [0xF0, 0x90, 0x28, 0xBC],
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80],
            [0xFF], [0xFE], [0x80], [0xBF], [0xF4, 0x90, 0x80, 0x80], [0xC2], [0xE2, 0x82],
        ];
        foreach (var bytes in sequences)
        {
            var hex = Convert.ToHexString(bytes);
            corpus.Add(new($"invalid UTF-8 {hex} in reporter.name", Json, Inject(With("reporter.name", "Li" + Marker + "Wei"), bytes), BadRequest));
            corpus.Add(new($"invalid UTF-8 {hex} in description", Json, Inject(With("description", "d" + Marker + "d"), bytes), BadRequest));
            corpus.Add(new($"invalid UTF-8 {hex} in a member name", Json, Inject(With("x" + Marker, "1"), bytes), BadRequest));
        }

        var text = Text(Valid());
        corpus.Add(new("UTF-16LE with BOM", Json, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], BadRequest));
        corpus.Add(new("UTF-16BE with BOM", Json, [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], BadRequest));
        corpus.Add(new("UTF-16LE without BOM", Json, Encoding.Unicode.GetBytes(text), BadRequest));
        corpus.Add(new("UTF-32LE with BOM", Json, [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], BadRequest));
        corpus.Add(new("GB18030 Chinese", Json, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(54936)!.GetBytes(text), BadRequest));
        corpus.Add(new("Latin-1 accented name", Json, Encoding.Latin1.GetBytes(Text(With("reporter.name", "José Müller"))), BadRequest));

        // A JSON escape of half a surrogate pair is no Unicode text either.
        corpus.Add(new("lone high surrogate escape in reporter.name", Json, Encoding.ASCII.GetBytes(Text(With("reporter.name", "LiWEI")).Replace("WEI", "\\uD800", StringComparison.Ordinal)), BadRequest));
        corpus.Add(new("lone low surrogate escape in title", Json, Encoding.ASCII.GetBytes(Text(With("title", "TITLE")).Replace("TITLE", "\\uDFFF", StringComparison.Ordinal)), BadRequest));
        corpus.Add(new("reversed surrogate escapes in description", Json, Encoding.ASCII.GetBytes(Text(With("description", "DESC")).Replace("DESC", "\\uDC00\\uD800", StringComparison.Ordinal)), BadRequest));
    }

    private static void ControlCharacters(List<BadIntake> corpus)
    {
        // Single-line fields take no control character at all, line breaks and tabs included.
        foreach (var field in LineFields)
        {
            foreach (var control in new[] { "\u0000", "\u001B", "\u007F", "\n", "\u0085" })
                corpus.Add(new($"{field} with U+{(int)control[0]:X4}", Json, Bytes(With(field, "a" + control + "b")), BadRequest));
        }
        corpus.Add(new("title with a tab", Json, Bytes(With("title", "a\tb")), BadRequest));
        corpus.Add(new("product.vendor with a carriage return", Json, Bytes(With("product.vendor", "a\rb")), BadRequest));

        // Multi-line text takes line breaks and tabs, but no other control character.
        foreach (var control in new[] { "\u0000", "\u0001", "\u001B", "\u007F", "\u009F" })
            corpus.Add(new($"description with U+{(int)control[0]:X4}", Json, Bytes(With("description", "line\n" + control + "line")), BadRequest));

        // Header injection through an address.
        corpus.Add(new("reporter.email with CRLF Bcc", Json, Bytes(With("reporter.email", "liwei@lab.example.cn\r\nBcc: attacker@evil.example")), BadRequest));
        corpus.Add(new("providerEmail with LF To", Json, Bytes(With("upstreamComponent.providerEmail", "security@libfoo.example\nTo: attacker@evil.example")), BadRequest));

        // Unescaped control bytes inside a JSON string are not JSON.
        foreach (var control in new byte[] { 0x00, 0x0A, 0x1F })
            corpus.Add(new($"raw control byte {control:X2} in title", Json, Inject(With("title", "a" + Marker + "b"), [control]), BadRequest));
    }

    private static void Injection(List<BadIntake> corpus)
    {
        string[] addresses =
        [
            "<script>alert(1)</script>",
            "liwei@lab.example.cn<script>alert(1)</script>",
            "'; DROP TABLE Cases; --",
            "admin@lab.example.cn' OR '1'='1",
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "liwei@lab.example.cn, attacker@evil.example",
            "Li Wei <liwei@lab.example.cn>",
            "liwei@localhost",
        ];
        foreach (var address in addresses)
        {
            corpus.Add(new($"reporter.email = {address}", Json, Bytes(With("reporter.email", address)), BadRequest));
            corpus.Add(new($"providerEmail = {address}", Json, Bytes(With("upstreamComponent.providerEmail", address)), BadRequest));
        }
        foreach (var country in new[] { "<s>", "' OR 1=1--", "=1+1", "CN; DROP TABLE Cases" })
            corpus.Add(new($"reporter.country = {country}", Json, Bytes(With("reporter.country", country)), BadRequest));
        corpus.Add(new("title script with NUL", Json, Bytes(With("title", "<script>\u0000alert(1)</script>")), BadRequest));
        corpus.Add(new("reporter.name SQL with line break", Json, Bytes(With("reporter.name", "Robert');\nDROP TABLE Students;--")), BadRequest));
        corpus.Add(new("product.vendor formula with BEL", Json, Bytes(With("product.vendor", "=HYPERLINK(\"http://evil.example\")\u0007")), BadRequest));
        corpus.Add(new("title formula over 200 characters", Json, Bytes(With("title", "=" + string.Concat(Enumerable.Repeat("1+", 120)) + "1")), BadRequest));
        corpus.Add(new("product.name script over 200 characters", Json, Bytes(With("product.name", string.Concat(Enumerable.Repeat("<script>alert(1)</script>", 10)))), BadRequest));
    }

    private static void Bodies(List<BadIntake> corpus)
    {
        var valid = Bytes(Valid());
        const int TenMegabytes = 10 * 1024 * 1024;
        var huge = Bytes(With("description", new string('x', TenMegabytes)));
        corpus.Add(new("10 MB report", Json, huge, TooLarge));
        corpus.Add(new("10 MB report, streamed without length", Json, huge, TooLarge, Streamed: true));
        corpus.Add(new("10 MB of [", Json, Encoding.ASCII.GetBytes(new string('[', TenMegabytes)), TooLarge));
        corpus.Add(new("10 MB of zero bytes, streamed", Json, new byte[TenMegabytes], TooLarge, Streamed: true));
        var justOver = Bytes(With("description", new string('x', MaxBody - valid.Length + 200)));
        corpus.Add(new($"{justOver.Length} bytes (limit {MaxBody})", Json, justOver, TooLarge));
        corpus.Add(new($"{justOver.Length} bytes, streamed", Json, justOver, TooLarge, Streamed: true));

        byte[] bom = [0xEF, 0xBB, 0xBF];
        var text = Text(Valid());
        (string Name, byte[] Body)[] odd =
        [
            ("empty body", []),
            ("whitespace only", Encoding.ASCII.GetBytes(" \r\n\t ")),
            ("BOM only", bom),
            ("BOM and whitespace", [.. bom, 0x20, 0x0A]),
            ("two BOMs and a report", [.. bom, .. bom, .. valid]),
            ("null", Encoding.ASCII.GetBytes("null")),
            ("empty array", Encoding.ASCII.GetBytes("[]")),
            ("array of an empty object", Encoding.ASCII.GetBytes("[{}]")),
            ("array of a valid report", Encoding.UTF8.GetBytes("[" + text + "]")),
            ("string", Encoding.ASCII.GetBytes("\"report\"")),
            ("number", Encoding.ASCII.GetBytes("42")),
            ("true", Encoding.ASCII.GetBytes("true")),
            ("empty object", Encoding.ASCII.GetBytes("{}")),
            ("two reports back to back", Encoding.UTF8.GetBytes(text + text)),
            ("a report and an open brace", Encoding.UTF8.GetBytes(text + "\n{")),
        ];
        foreach (var (name, body) in odd)
        {
            corpus.Add(new(name, Json, body, BadRequest));
            corpus.Add(new(name + ", streamed", Json, body, BadRequest, Streamed: true));
        }
    }

    private static void ContentTypes(List<BadIntake> corpus)
    {
        var valid = Bytes(Valid());
        string?[] types =
        [
            null, "text/plain", "text/json", "text/html", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=utf-16",
            "application/json; charset=iso-8859-1", "application/json; charset=gb2312", "application/jsonp",
            "application/problem+json", "application/json-patch+json", "application/ld+json", "application/*", "*/*",
            "json", ";", "application/json5",
        ];
        foreach (var type in types) corpus.Add(new($"content type {type ?? "(none)"}", type, valid, UnsupportedMediaType));
        corpus.Add(new("XML report", "application/xml", Encoding.UTF8.GetBytes("<report><title>x</title></report>"), UnsupportedMediaType));
        corpus.Add(new("form report", "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes("title=x&description=y"), UnsupportedMediaType));
    }

    private static void IdempotencyKeys(List<BadIntake> corpus)
    {
        var valid = Bytes(Valid());
        string[] keys = ["'; DROP TABLE Idempotency; --", "键-1", "tab\tkey", "del\u007Fkey", new string('k', 201), "key with spaces"];
        foreach (var key in keys) corpus.Add(new($"Idempotency-Key {Clip(key)}", Json, valid, BadRequest, IdempotencyKey: key));
    }

    private static JsonObject Valid() => SampleRequests.Report(withUpstream: true);

    /// <summary>A valid report with <paramref name="path"/> (e.g. <c>reporter.name</c>) set to <paramref name="value"/>.</summary>
    private static JsonObject With(string path, JsonNode? value)
    {
        var report = Valid();
        var (parent, name) = Navigate(report, path);
        parent[name] = value;
        return report;
    }

    private static JsonObject Without(string path)
    {
        var report = Valid();
        var (parent, name) = Navigate(report, path);
        parent.Remove(name);
        return report;
    }

    private static (JsonObject Parent, string Name) Navigate(JsonObject report, string path)
    {
        var parts = path.Split('.');
        var parent = report;
        foreach (var part in parts[..^1]) parent = (JsonObject)parent[part]!;
        return (parent, parts[^1]);
    }

    private static string Text(JsonObject report) => report.ToJsonString(Raw);

    private static byte[] Bytes(JsonObject report) => Encoding.UTF8.GetBytes(Text(report));

    /// <summary>The report's bytes with <see cref="Marker"/> replaced by <paramref name="raw"/>.</summary>
    private static byte[] Inject(JsonObject report, byte[] raw)
    {
        var bytes = Bytes(report);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker));
        return [.. bytes[..at], .. raw, .. bytes[(at + Marker.Length)..]];
    }

    /// <summary>The report's bytes with <paramref name="member"/> spliced in as its first member.</summary>
    private static byte[] Splice(JsonObject report, string member) => Encoding.UTF8.GetBytes("{" + member + Text(report)[1..]);

    private static string Nested(string open, string close, int depth, string inner)
    {
        var text = new StringBuilder(depth * (open.Length + close.Length) + inner.Length);
        for (var i = 0; i < depth; i++) text.Append(open);
        text.Append(inner);
        for (var i = 0; i < depth; i++) text.Append(close);
        return text.ToString();
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
