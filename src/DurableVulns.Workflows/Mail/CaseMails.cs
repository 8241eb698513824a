using System.Globalization;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Workflows.Mail;

/// <summary>
/// The messages a case sends, in Chinese and English. Reminders and escalations name the
/// case and the deadline only: report details stay in the case record (Art. 11).
/// </summary>
public static class CaseMails
{
    /// <summary>The key of a case's acknowledgement mail.</summary>
    public static string AcknowledgementKey(string caseId) => $"{caseId}/acknowledgement";

    public static OutgoingMail Acknowledgement(CaseRecord record) => new(
        AcknowledgementKey(record.Id),
        [record.Report.Reporter.Email],
        $"漏洞报告已收到 / Vulnerability report received: {record.Id}",
        $"""
        您好 {record.Report.Reporter.Name}：

        我们已于 {Local(record, record.ReceivedAtUtc)} 收到您关于“{record.Report.Product.Name}”的漏洞报告，编号 {record.Id}。
        我们将依照《网络产品安全漏洞管理规定》验证并处置该漏洞。在修复措施发布前，请勿公开漏洞信息（第九条）。

        Hello {record.Report.Reporter.Name},

        We received your vulnerability report on "{record.Report.Product.Name}" at {Local(record, record.ReceivedAtUtc)}; its id is {record.Id}.
        We will verify and handle it under the Regulations on the Management of Network Product Security Vulnerabilities.
        Please do not publish details before the fix is released (Art. 9(1)).
        """);

    /// <summary>The notice to the provider of the component the report named.</summary>
    public static OutgoingMail UpstreamNotice(CaseRecord record, UpstreamComponent component) => UpstreamNotice(record, component, $"{record.Id}/upstream-notice");

    /// <summary>The notice to the provider of a component the assessment named: one per provider.</summary>
    public static OutgoingMail AssessedUpstreamNotice(CaseRecord record, UpstreamComponent component) =>
        UpstreamNotice(record, component, $"{record.Id}/upstream-notice/{component.ProviderEmail.ToLowerInvariant()}");

    private static OutgoingMail UpstreamNotice(CaseRecord record, UpstreamComponent component, string key) => new(
        key,
        [component.ProviderEmail],
        $"上游组件漏洞通知 / Vulnerability in your component {component.Name}: {record.Id}",
        $"""
        依照《网络产品安全漏洞管理规定》第七条第一项，我们通知您：组件“{component.Name}”中存在一个已报告的安全漏洞。
        Under Art. 7(1) of the RMSV we notify you of a reported vulnerability in your component "{component.Name}".

        Case / 编号: {record.Id}
        Product / 产品: {record.Report.Product.Vendor} {record.Report.Product.Name} {record.Report.Product.Version}
        Title / 标题: {record.Report.Title}

        {record.Report.Description}

        未经修复，请勿公开 / Do not publish before a fix is released (Art. 9(1)).
        """);

    public static OutgoingMail ClockAlert(CaseRecord record, ClockStep step, IReadOnlyList<string> to)
    {
        var label = step.Kind == ClockStepKind.Escalation ? "升级 / ESCALATION" : "提醒 / Reminder";
        return new(
            $"{record.Id}/miit-{step.Key}",
            to,
            $"[{label}] MIIT 报送期限 / MIIT submission due {Local(record, record.MiitDeadlineUtc)}: {record.Id}",
            $"""
            案件 {record.Id} 尚未报送工业和信息化部网络安全威胁和漏洞信息共享平台（第七条第二项）。
            Case {record.Id} has not yet been submitted to MIIT's vulnerability sharing platform (Art. 7(2)).

            Deadline / 期限: {Local(record, record.MiitDeadlineUtc)}
            Stage / 阶段: {record.Stage}
            """);
    }

    /// <summary>Why a MIIT alert or escalation that waited in the case's mail queue is given up.</summary>
    public const string SubmittedMeanwhile = "the case was submitted to MIIT meanwhile.";

    public static OutgoingMail Breach(CaseRecord record, IReadOnlyList<string> to) => new(
        $"{record.Id}/miit-deadline-missed",
        to,
        $"[升级 / ESCALATION] MIIT 报送已逾期 / MIIT deadline missed: {record.Id}",
        $"""
        案件 {record.Id} 未在 {Local(record, record.MiitDeadlineUtc)} 前报送工业和信息化部（第七条第二项）。已记录为违规，请立即报送。
        Case {record.Id} was not submitted to MIIT by {Local(record, record.MiitDeadlineUtc)} (Art. 7(2)).
        The miss is recorded as a breach; submit now.
        """);

    public static OutgoingMail AffectedUserNotice(CaseRecord record, PatchRelease patch, IReadOnlyList<string> to) => new(
        $"{record.Id}/affected-user-notice",
        to,
        $"安全更新 / Security update for {record.Report.Product.Name}: {record.Id}",
        $"""
        {record.Report.Product.Vendor} {record.Report.Product.Name} 存在安全漏洞，已在版本 {patch.FixedVersion} 中修复（第七条第三项）。
        A vulnerability in {record.Report.Product.Vendor} {record.Report.Product.Name} is fixed in version {patch.FixedVersion} (Art. 7(3)).

        Affected versions / 受影响版本: {string.Join(", ", record.Assessment?.AffectedVersions ?? [])}
        Severity / 严重程度: {record.Assessment?.Severity}
        Harm / 危害: {record.Assessment?.Harm}

        Fix or mitigation / 修复或缓解措施:
        {patch.Fix}

        如需技术支持，请回复本邮件 / Reply to this message for technical support.
        """);

    private static string Local(CaseRecord record, DateTime utc) =>
        ChinaTime.ToZone(new DateTimeOffset(utc, TimeSpan.Zero), record.TimeZone)
            .ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);
}
