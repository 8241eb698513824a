using System.Globalization;
using System.Text.Json.Nodes;

namespace DurableVulns.Testing;

/// <summary>Request bodies of the API, as JSON a client would send.</summary>
public static class SampleRequests
{
    public static JsonObject Report(bool withUpstream = true)
    {
        var report = new JsonObject
        {
            ["reporter"] = new JsonObject { ["name"] = "李伟", ["email"] = "liwei@lab.example.cn", ["organization"] = "实验室 Lab", ["country"] = "CN" },
            ["product"] = new JsonObject { ["vendor"] = "Acme", ["name"] = "Router X 路由器", ["model"] = "RX-100", ["version"] = "2.3.1" },
            ["title"] = "Web 管理界面栈溢出 / Stack overflow in web admin",
            ["description"] = "登录页面的 username 参数可导致栈溢出。\nThe username parameter of the login page overflows the stack.",
        };
        if (withUpstream)
            report["upstreamComponent"] = new JsonObject { ["name"] = "libfoo", ["providerEmail"] = "security@libfoo.example" };
        return report;
    }

    public static JsonObject Assessment() => new()
    {
        ["severity"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ["affectedVersions"] = new JsonArray("2.3.0", "2.3.1"),
        ["technicalCharacteristics"] = "未检查长度的 strcpy / unchecked strcpy in the login handler",
        ["harm"] = "远程代码执行 / remote code execution as root",
        ["scope"] = "所有暴露管理界面的设备 / devices exposing the admin interface",
    };

    public static JsonObject Submission(string receiptId = "NVDB-2026-000123") => new() { ["receiptId"] = receiptId };

    public static JsonObject Patch() => new() { ["fixedVersion"] = "2.3.2", ["fix"] = "升级到 2.3.2 / upgrade to 2.3.2; or disable remote admin." };

    /// <summary>An early-disclosure request for <paramref name="proposedDate"/>, by default today in Beijing (so an approval lets the advisory out at once).</summary>
    public static JsonObject DisclosureRequest(DateOnly? proposedDate = null) => new()
    {
        ["requestedBy"] = "reporter",
        ["reason"] = "研究成果将在学术会议上发表 / to be presented at a conference",
        ["proposedDate"] = (proposedDate ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["jointAssessment"] = "与供应商联合评估：风险可控 / joint assessment with the provider: risk contained by the mitigation",
    };

    public static JsonObject Advisory(params (string Address, string Country)[] recipients) => new()
    {
        ["title"] = "Acme Router X 栈溢出漏洞 / stack overflow",
        ["body"] = "Router X 2.3.0–2.3.1 的 Web 管理界面存在栈溢出。/ The web admin of Router X 2.3.0–2.3.1 overflows its stack.",
        ["fix"] = "升级到 2.3.2 / upgrade to 2.3.2",
        ["recipients"] = new JsonArray([.. (recipients.Length == 0 ? [("customers@acme.example.cn", "CN")] : recipients)
            .Select(r => (JsonNode)new JsonObject { ["address"] = r.Address, ["country"] = r.Country })]),
        ["containsExploitCode"] = false,
        ["containsOperatorSystemDetails"] = false,
    };
}
