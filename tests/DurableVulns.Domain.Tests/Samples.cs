using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Tests;

/// <summary>Valid example data; each test changes only the part it is about.</summary>
internal static class Samples
{
    public const string Cvss31Critical = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    public const string Cvss40Critical = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";

    public static string ShippedPolicyPath => Path.Combine(AppContext.BaseDirectory, "rmsv-2021.policy.json");

    public static ReportSubmission Report() => new(
        new Reporter("李伟", "liwei@lab.example.cn", "Lab", "CN"),
        new Product("Acme", "Router X", "RX-100", "2.3.1"),
        "路由器管理界面存在命令注入 / Command injection in the admin UI",
        "The diagnostics page passes the host field to a shell.\nSteps:\n\t1. Log in.\r\n\t2. Ping `;id`.",
        new UpstreamComponent("libfoo", "security@libfoo.example"));

    public static Assessment Assessment() => new(
        Cvss31Critical,
        ["2.3.0", "2.3.1"],
        "Unauthenticated command injection through the diagnostics endpoint.",
        "Remote code execution as root.",
        "All RX-100 units running 2.3.x with the admin UI reachable.");

    public static MiitSubmissionPolicy MiitPolicy() => new(
        TimeSpan.FromHours(48),
        [TimeSpan.FromHours(24), TimeSpan.FromHours(36)],
        [TimeSpan.FromHours(44)]);
}
