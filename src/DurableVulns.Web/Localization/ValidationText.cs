using System.Text.RegularExpressions;

namespace DurableVulns.Web.Localization;

/// <summary>
/// The validators' messages (English, shared with the API) in the page's language. A message not
/// listed here is shown as it is: better English than nothing.
/// </summary>
public static partial class ValidationText
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["is required."] = "必填。",
        ["is required (it may be empty)."] = "必填（可以为空）。",
        ["is required, as a date such as 2026-12-20."] = "必填，日期格式如 2026-12-20。",
        ["must be a valid e-mail address."] = "须为有效的电子邮件地址。",
        ["must be an ISO 3166-1 alpha-2 code such as CN."] = "须为 ISO 3166-1 两位国家代码，如 CN。",
        ["must be one line without control characters."] = "须为单行文字，不含控制字符。",
        ["must not contain control characters."] = "不得包含控制字符。",
        ["must be stated: true or false."] = "须明确选择：是或否。",
        ["must list at least one version."] = "至少列出一个版本。",
        ["must be \"reporter\" or \"provider\"."] = "须为“报告者”或“提供者”。",
        [Api.Intake.ReportIntake.TooLargeToStore] = "须缩短：报告占用的存储空间过大（表情符号占用最多）。",
        ["must be a CVSS 3.1 or 4.0 base vector (CVSS:3.1/AV:N/...) or a base score from 0.0 to 10.0."] =
            "须为 CVSS 3.1 或 4.0 基本向量（CVSS:3.1/AV:N/...）或 0.0 至 10.0 的基本分数。",
    };

    [GeneratedRegex(@"^must (be|list) at most (\d+) (characters|versions|recipients)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex AtMost();

    public static string Of(string message)
    {
        if (!Lang.IsChinese) return message;
        if (Chinese.TryGetValue(message, out var chinese)) return chinese;
        var atMost = AtMost().Match(message);
        if (!atMost.Success) return message;
        var unit = atMost.Groups[3].Value switch { "characters" => "个字符", "versions" => "个版本", _ => "个收件人" };
        return $"最多 {atMost.Groups[2].Value} {unit}。";
    }
}
