using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Mail;

/// <summary>
/// Local mailer: each message becomes one RFC 5322 <c>.eml</c> file in a pickup folder. The file
/// is named by a hash of <see cref="OutgoingMail.Key"/>, so a retried send overwrites the same
/// file instead of adding a second one.
/// </summary>
public sealed class PickupDirectoryMailer : IMailer
{
    private const string Crlf = "\r\n";
    private const string KeyHeader = "X-DurableVulns-Key";
    private const string MessageIdDomain = "durablevulns.local";

    // RFC 5322 §2.1.1: lines SHOULD stay within 78 characters and MUST stay within 998.
    private const int SoftLineLimit = 78;
    private const int HardLineLimit = 998;

    // RFC 2047 §2: an encoded-word is at most 75 characters, delimiters included.
    private const string EncodedWordStart = "=?utf-8?B?";
    private const string EncodedWordEnd = "?=";
    private const int MaxEncodedWordLength = 75;

    private readonly string _from;
    private readonly TimeProvider _time;

    public PickupDirectoryMailer(IOptions<MailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.PickupDirectory))
            throw new InvalidOperationException($"{MailOptions.Section}:PickupDirectory is required when the mode is Pickup.");
        if (string.IsNullOrWhiteSpace(settings.From) || settings.From.Any(char.IsControl))
            throw new InvalidOperationException($"{MailOptions.Section}:From must be a single-line address.");

        // Relative paths resolve against the current directory (the project folder under `dotnet run`).
        PickupDirectory = Path.GetFullPath(settings.PickupDirectory);
        _from = settings.From.Trim();
        _time = time;
    }

    /// <summary>The absolute folder the <c>.eml</c> files are written to.</summary>
    public string PickupDirectory { get; }

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(mail.Key)) throw new ArgumentException("The mail key is required.", nameof(mail));
        var id = FileId(mail.Key);
        var message = Encoding.UTF8.GetBytes(Compose(mail, id));

        Directory.CreateDirectory(PickupDirectory);
        var path = Path.Combine(PickupDirectory, id + ".eml");
        // Dot-prefixed and not .eml, so a reader scanning for *.eml never picks up a half-written file.
        var temp = Path.Combine(PickupDirectory, $".{id}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, message, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The first 32 hex characters of SHA-256(key): stable across retries and safe as a file name.</summary>
    private static string FileId(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    private string Compose(OutgoingMail mail, string id)
    {
        var text = new StringBuilder();
        text.Append("From: ").Append(_from).Append(Crlf);
        AppendFolded(text, "To", Recipients(mail.To), ",");
        // A subject is one line: line breaks (e.g. from a reporter-supplied component name) become spaces.
        AppendUnstructured(text, "Subject", OneLine(mail.Subject));
        text.Append("Date: ").Append(FormatDate(_time.GetUtcNow())).Append(Crlf);
        text.Append("Message-ID: <").Append(id).Append('@').Append(MessageIdDomain).Append('>').Append(Crlf);
        // The key is kept exactly: anything but plain printable ASCII goes out as encoded-words.
        AppendUnstructured(text, KeyHeader, mail.Key);
        text.Append("MIME-Version: 1.0").Append(Crlf);
        text.Append("Content-Type: text/plain; charset=utf-8").Append(Crlf);
        text.Append("Content-Transfer-Encoding: base64").Append(Crlf);
        text.Append(Crlf);

        // RFC 2046 §4.1.1: text is CRLF-delimited in canonical form, which is what base64 must carry.
        var body = Encoding.UTF8.GetBytes((mail.TextBody ?? string.Empty).ReplaceLineEndings(Crlf));
        if (body.Length > 0)
            text.Append(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks)).Append(Crlf);
        return text.ToString();
    }

    private static List<string> Recipients(IReadOnlyList<string>? to)
    {
        if (to is null || to.Count == 0) throw new ArgumentException("At least one recipient is required.", nameof(to));
        var recipients = new List<string>(to.Count);
        for (var i = 0; i < to.Count; i++)
        {
            // Plain addr-specs only: no CR/LF, commas or display names that could add headers or recipients.
            // The address itself is left out of the message: it is personal data and exceptions get logged.
            if (to[i] is not { } address || !TextRules.IsEmail(address))
                throw new ArgumentException($"Recipient #{i} is not a plain e-mail address.", nameof(to));
            recipients.Add(address);
        }

        return recipients;
    }

    private static string OneLine(string? value) =>
        string.Create(value?.Length ?? 0, value ?? string.Empty, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });

    /// <summary>RFC 5322 §3.3 date-time, always in UTC (+0000).</summary>
    private static string FormatDate(DateTimeOffset now) =>
        now.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";

    /// <summary>
    /// An unstructured header (RFC 5322 §3.2.5): as-is and folded at spaces when it is plain
    /// printable ASCII, otherwise as UTF-8 base64 encoded-words, one per line.
    /// </summary>
    private static void AppendUnstructured(StringBuilder text, string name, string value)
    {
        var words = IsPlainAscii(value) ? SplitAtSpaces(value) : null;
        if (words is not null && name.Length + 2 + words.Max(w => w.Length) <= HardLineLimit)
            AppendFolded(text, name, words, separator: "");
        else
            AppendEncodedWords(text, name, value);
    }

    /// <summary>Printable ASCII that a reader would not mistake for an encoded-word or trim.</summary>
    private static bool IsPlainAscii(string value) =>
        value.All(c => c is >= ' ' and <= '~')
        && !value.Contains("=?", StringComparison.Ordinal)
        && (value.Length == 0 || (value[0] != ' ' && value[^1] != ' '));

    /// <summary>"a b  c" → ["a", " b", "  c"]: each later piece starts with its spaces, so no folded line is blank.</summary>
    private static List<string> SplitAtSpaces(string value)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == ' ' && value[i - 1] != ' ')
            {
                pieces.Add(value[start..i]);
                start = i;
            }
        }

        pieces.Add(value[start..]);
        return pieces;
    }

    /// <summary>
    /// Writes <c>name: piece1{separator}piece2…</c>, breaking the line before a piece that would pass
    /// the soft limit. Every piece after the first starts with a space (or gets one), so unfolding
    /// (removing the CRLFs) gives back the original value.
    /// </summary>
    private static void AppendFolded(StringBuilder text, string name, IReadOnlyList<string> pieces, string separator)
    {
        text.Append(name).Append(": ");
        var lineLength = name.Length + 2;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = i == 0 || separator.Length == 0 ? pieces[i] : " " + pieces[i];
            var trailer = i < pieces.Count - 1 ? separator.Length : 0;
            if (i > 0 && lineLength + piece.Length + trailer > SoftLineLimit)
            {
                text.Append(Crlf);
                lineLength = 0;
            }

            text.Append(piece);
            lineLength += piece.Length;
            if (trailer > 0)
            {
                text.Append(separator);
                lineLength += trailer;
            }
        }

        text.Append(Crlf);
    }

    /// <summary>
    /// RFC 2047 B-encoded words of whole characters (never a split UTF-8 sequence), each on its own
    /// line within the soft limit; readers drop the folding whitespace between adjacent words.
    /// </summary>
    private static void AppendEncodedWords(StringBuilder text, string name, string value)
    {
        text.Append(name).Append(": ");
        var used = name.Length + 2;
        var bytes = new byte[MaxEncodedWordLength];
        var count = 0;
        var first = true;

        void Flush()
        {
            if (!first) text.Append(Crlf).Append(' ');
            text.Append(EncodedWordStart).Append(Convert.ToBase64String(bytes, 0, count)).Append(EncodedWordEnd);
            first = false;
            count = 0;
            used = 1;
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (count + rune.Utf8SequenceLength > BytesPerWord(used) && count > 0) Flush();
            count += rune.EncodeToUtf8(bytes.AsSpan(count));
        }

        if (count > 0 || first) Flush();
        text.Append(Crlf);
    }

    /// <summary>How many bytes fit in one encoded-word on a line that already holds <paramref name="used"/> characters.</summary>
    private static int BytesPerWord(int used)
    {
        var overhead = EncodedWordStart.Length + EncodedWordEnd.Length;
        var base64Chars = Math.Min(MaxEncodedWordLength, SoftLineLimit - used) - overhead;
        // At least 8 base64 characters, so a 4-byte character always fits (long header names only).
        return Math.Max(8, base64Chars) / 4 * 3;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray .tmp file is harmless and must not hide the original error.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
