using DurableVulns.Domain.Reports;

namespace DurableVulns.Infrastructure.Tests.Storage;

/// <summary>Case records as the intake activity writes them, with Chinese text throughout.</summary>
public static class CaseRecords
{
    public static readonly DateTime ReceivedAtUtc = new(2025, 3, 4, 5, 6, 7, 123, DateTimeKind.Utc);

    public static CaseRecord New(string id, string description = "智能网关的管理接口存在命令注入漏洞，攻击者无需认证即可执行任意命令。") => new(
        id,
        ReceivedAtUtc,
        new ReportSubmission(
            new Reporter("李伟", "liwei@lab.example.cn", "某某安全实验室", "CN"),
            new Product("某某网络设备有限公司", "智能网关", "GW-100", "1.2.3"),
            "智能网关远程命令执行",
            description,
            new UpstreamComponent("OpenSSL", "security@openssl.example")),
        "rmsv-2021",
        "Asia/Shanghai",
        CaseStage.Received,
        ReceivedAtUtc.AddHours(48));

    /// <summary>A case id no other test of the class uses.</summary>
    public static string NewId() => "DV-" + Guid.NewGuid().ToString("N");
}
