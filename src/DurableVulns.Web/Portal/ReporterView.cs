using DurableVulns.Api.Cases;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Web.Localization;
using DurableVulns.Workflows.Mail;

namespace DurableVulns.Web.Portal;

/// <summary>
/// What a reporter may see of their case: its stage, the dates that matter to them and the messages
/// addressed to them. Built from a fixed list of entry types with fixed texts, so that internal notes,
/// the assessment, reviewers and anything else in the audit trail can never reach the page.
/// </summary>
public sealed record ReporterView(string CaseId, string Stage, IReadOnlyList<(string Label, DateTimeOffset At)> Dates, IReadOnlyList<(DateTimeOffset At, string Text)> Messages)
{
    public static ReporterView From(CaseRecord record, IReadOnlyList<AuditEntry> audit)
    {
        DateTimeOffset Local(DateTime utc) => CaseViews.Local(record, utc);
        DateTimeOffset? First(string type) => audit.FirstOrDefault(e => e.Type == type) is { } entry ? Local(entry.AtUtc) : null;

        // A refused acknowledgement never reached the reporter: the page must not say it did.
        var acknowledgementRefused = audit.Any(e => e.Key == MailDispatcher.RefusalKey(CaseMails.AcknowledgementKey(record.Id)));
        var dates = new List<(string, DateTimeOffset)> { (Lang.T("Received", "收到报告"), Local(record.ReceivedAtUtc)) };
        if (!acknowledgementRefused && First(TimelineTypes.Acknowledged) is { } acknowledged) dates.Add((Lang.T("Acknowledged", "确认收到"), acknowledged));
        if (First(TimelineTypes.PatchReleased) is { } patched) dates.Add((Lang.T("Fix released", "修复发布"), patched));
        if (record.Publication?.PublishedAtUtc is { } published) dates.Add((Lang.T("Advisory published", "公告发布"), Local(published)));
        if (record.ClosedAtUtc is { } closed) dates.Add((Lang.T("Closed", "结案"), Local(closed)));

        var messages = audit.Select(entry => Message(entry, record, acknowledgementRefused) is { } text ? (Local(entry.AtUtc), text) : default)
            .Where(m => m.text is not null).ToList();
        return new ReporterView(record.Id, CaseText(record.Stage), dates, messages!);
    }

    private static string CaseText(CaseStage stage) => stage switch
    {
        CaseStage.Received => Lang.T("Received: being verified", "已收到：正在核实"),
        CaseStage.Assessed => Lang.T("Confirmed: a fix is being prepared", "已确认：正在准备修复"),
        CaseStage.PatchReleased => Lang.T("Fixed: the fix has been released", "已修复：修复已发布"),
        _ => Lang.T("Closed", "已结案"),
    };

    private static string? Message(AuditEntry entry, CaseRecord record, bool acknowledgementRefused) => entry.Type switch
    {
        TimelineTypes.Received => Lang.T("We received your report.", "我们已收到您的报告。"),
        TimelineTypes.Acknowledged when acknowledgementRefused =>
            Lang.T("Our mail service refused your e-mail address, so we could not confirm receipt by e-mail.", "我们的邮件服务拒绝了您的电子邮件地址，因此无法通过电子邮件确认收到。"),
        TimelineTypes.Acknowledged => Lang.T("We confirmed receipt by e-mail.", "我们已通过电子邮件确认收到。"),
        TimelineTypes.PatchReleased => record.Patch is { } patch
            ? Lang.T($"A fix has been released: version {patch.FixedVersion}.", $"修复已发布：版本 {patch.FixedVersion}。")
            : Lang.T("A fix has been released.", "修复已发布。"),
        TimelineTypes.Published => Lang.T("The security advisory has been published.", "安全公告已发布。"),
        TimelineTypes.Closed => Lang.T("The case is closed. Thank you for your report.", "案件已结案。感谢您的报告。"),
        _ => null,
    };
}
