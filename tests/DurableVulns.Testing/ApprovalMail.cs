using System.Net;
using System.Text.RegularExpressions;

namespace DurableVulns.Testing;

/// <summary>Finds the approval links of a review in the pickup folder and follows them as a reviewer would.</summary>
public static partial class ApprovalMail
{
    [GeneratedRegex(@"(批准 / Approve|拒绝 / Reject): (\S+)")]
    private static partial Regex Link();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("(name|value)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    /// <summary>The path of the approve (or reject) link the reviewer's first review mail of the case carries.</summary>
    public static async Task<string> LinkAsync(DurableVulnsHost host, string caseId, string reviewer, bool approve, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var mail = host.MailFiles().FirstOrDefault(m =>
                MailReader.Header(m, "To") == reviewer
                && MailReader.Header(m, "X-DurableVulns-Key").StartsWith(caseId + "/review/", StringComparison.Ordinal)
                && !MailReader.Header(m, "Subject").Contains("Reminder", StringComparison.Ordinal));
            if (mail is not null)
            {
                var wanted = approve ? "批准 / Approve" : "拒绝 / Reject";
                var url = Link().Matches(MailReader.Body(mail)).First(m => m.Groups[1].Value == wanted).Groups[2].Value;
                return new Uri(url).PathAndQuery;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"No review mail to {reviewer} for case {caseId}.");
            await Task.Delay(250);
        }
    }

    /// <summary>Opens the confirm page, then presses its button: the decision is recorded.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string path)
    {
        var page = await browser.GetAsync(path);
        if (page.StatusCode != HttpStatusCode.OK) return page;
        var fields = HiddenFields(await page.Content.ReadAsStringAsync());
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden inputs of a page's form: the anti-forgery field among them.</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html)
            .Select(input => Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups[2].Value)))
            .Where(attributes => attributes.ContainsKey("name"))
            .ToDictionary(attributes => attributes["name"], attributes => attributes.GetValueOrDefault("value", string.Empty));
}
