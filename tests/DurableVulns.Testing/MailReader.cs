using System.Text;
using System.Text.RegularExpressions;

namespace DurableVulns.Testing;

/// <summary>Decodes the pickup folder's .eml files far enough to assert on them.</summary>
public static partial class MailReader
{
    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    public static string Header(string eml, string name)
    {
        var head = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var unfolded = Regex.Replace(head, "\r\n[ \t]+", " ");
        var line = unfolded.Split("\r\n").First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        var value = line[(name.Length + 1)..].Trim();
        return EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal),
            m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));
    }

    public static string Body(string eml)
    {
        var body = eml[(eml.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
    }
}
