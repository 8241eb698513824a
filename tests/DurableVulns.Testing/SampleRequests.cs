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
}
