using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;

namespace DurableVulns.Functions.Tests;

/// <summary>Valid example data; each test changes only the part it is about.</summary>
internal static class Samples
{
    public static ReportSubmission Report() => new(
        new Reporter("Li Wei", "liwei@lab.example.cn", "Lab", "CN"),
        new Product("Acme", "Router X", "RX-100", "2.3.1"),
        "Command injection in the admin UI",
        "The diagnostics page passes the host field to a shell.",
        null);

    public static Assessment Assessment() => new(
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ["2.3.0", "2.3.1"],
        "Unauthenticated command injection through the diagnostics endpoint.",
        "Remote code execution as root.",
        "All RX-100 units running 2.3.x with the admin UI reachable.");

    public static DisclosureRequest DisclosureRequest() => new(
        "provider",
        "Exploited in the wild; users must mitigate before the patch ships.",
        new DateOnly(2026, 2, 1),
        "The provider agrees: publish the ACL mitigation, no exploit details.");

    public static Advisory Advisory() => new(
        "RX-100 admin UI command injection",
        "Versions 2.3.0 and 2.3.1 let an unauthenticated attacker run commands.",
        "Upgrade to 2.3.2.",
        [new Recipient("cert@example.cn", "CN")],
        ContainsExploitCode: false,
        ContainsOperatorSystemDetails: false);

    public static CaseRecord Case(string id = "case-1") => new(
        id, new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc), Report(), "test", "Asia/Shanghai",
        CaseStage.Received, new DateTime(2026, 1, 7, 8, 0, 0, DateTimeKind.Utc));
}
