using System.Net;
using System.Text.RegularExpressions;

namespace DurableVulns.Host.Tests.Web;

/// <summary>Reads what a test needs out of a page's HTML.</summary>
public static partial class Html
{
    /// <summary>The anti-forgery token of the page's forms (the same in every form of one page).</summary>
    public static string RequestToken(string html)
    {
        var match = RequestTokenInput().Match(html);
        Assert.True(match.Success, "The page has no __RequestVerificationToken field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The text of the page's &lt;title&gt;.</summary>
    public static string Title(string html)
    {
        var match = TitleElement().Match(html);
        Assert.True(match.Success, "The page has no <title>.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The decoded text of the element with this id (its markup stripped), or null when there is none.</summary>
    public static string? TextOf(string html, string id)
    {
        var match = Regex.Match(html, $"<(?<tag>[a-z0-9]+)[^>]*\\sid=\"{Regex.Escape(id)}\"[^>]*>(?<body>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(Markup().Replace(match.Groups["body"].Value, "")).Trim() : null;
    }

    /// <summary>Whether an element has this id.</summary>
    public static bool HasId(string html, string id) => html.Contains($"id=\"{id}\"", StringComparison.Ordinal);

    /// <summary>The bodies of &lt;script&gt; elements that are not empty (inline script).</summary>
    public static IReadOnlyList<string> InlineScripts(string html) =>
        [.. ScriptElement().Matches(html).Select(m => m.Groups[1].Value).Where(body => !string.IsNullOrWhiteSpace(body))];

    /// <summary>Inline style: <c>style="…"</c> attributes and &lt;style&gt; elements.</summary>
    public static IReadOnlyList<string> InlineStyles(string html) =>
        [.. StyleAttribute().Matches(html).Concat(StyleElement().Matches(html)).Select(m => m.Value)];

    /// <summary>Inline event handlers such as <c>onclick="…"</c>.</summary>
    public static IReadOnlyList<string> InlineHandlers(string html) => [.. EventAttribute().Matches(html).Select(m => m.Value)];

    /// <summary>The value of the &lt;html lang&gt; attribute, or null when there is none.</summary>
    public static string? Lang(string html)
    {
        var match = HtmlLang().Match(html);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*\\sname=\"__RequestVerificationToken\"[^>]*\\svalue=\"([^\"]+)\"")]
    private static partial Regex RequestTokenInput();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex("<script\\b[^>]*>(.*?)</script\\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();

    [GeneratedRegex("<[a-z][^>]*\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("<style\\b", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex("<html\\b[^>]*\\slang=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLang();
}
