using System.Text.RegularExpressions;
using DurableVulns.Testing;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Reads a reviewer's review mail from the pickup folder of a <see cref="HostSandbox"/> and returns
/// the approve or reject link it carries, absolute, as the reviewer's mail client would open it.
/// </summary>
public static partial class ReviewMail
{
    [GeneratedRegex(@"(批准 / Approve|拒绝 / Reject): (\S+)")]
    private static partial Regex Link();

    /// <summary>The link of <paramref name="reviewer"/>'s first review mail of the case, once it is in the folder.</summary>
    public static async Task<Uri> LinkAsync(HostSandbox sandbox, string caseId, string reviewer, bool approve, int seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Find(sandbox.MailFiles(), caseId, reviewer, approve) is { } link) return link;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No review mail to {reviewer} for case {caseId} in {sandbox.MailDirectory}.");
            await Task.Delay(250);
        }
    }

    /// <summary>The absolute approve (or reject) URL of the first review mail (not a reminder) to the reviewer, if any.</summary>
    public static Uri? Find(IEnumerable<string> mails, string caseId, string reviewer, bool approve)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var mail = mails.FirstOrDefault(m =>
            MailReader.Header(m, "To") == reviewer
            && MailReader.Header(m, "X-DurableVulns-Key").StartsWith(caseId + "/review/", StringComparison.Ordinal)
            && !MailReader.Header(m, "Subject").Contains("Reminder", StringComparison.Ordinal));
        if (mail is null) return null;
        var wanted = approve ? "批准 / Approve" : "拒绝 / Reject";
        var url = Link().Matches(MailReader.Body(mail)).First(m => m.Groups[1].Value == wanted).Groups[2].Value;
        return new Uri(url, UriKind.Absolute);
    }
}
