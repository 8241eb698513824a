using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DurableVulns.Benchmarks;

/// <summary>The API's request bodies, and the few calls the benchmarks make.</summary>
public static class Requests
{
    public static JsonObject Report(int n) => new()
    {
        ["reporter"] = new JsonObject { ["name"] = "李伟", ["email"] = "liwei@lab.example.cn", ["organization"] = "实验室 Lab", ["country"] = "CN" },
        ["product"] = new JsonObject { ["vendor"] = "Acme", ["name"] = "Router X 路由器", ["model"] = "RX-100", ["version"] = "2.3.1" },
        ["title"] = $"Web 管理界面栈溢出 / Stack overflow in web admin #{n}",
        ["description"] = "登录页面的 username 参数可导致栈溢出。\nThe username parameter of the login page overflows the stack.",
    };

    public static JsonObject Assessment() => new()
    {
        ["severity"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ["affectedVersions"] = new JsonArray("2.3.0", "2.3.1"),
        ["technicalCharacteristics"] = "未检查长度的 strcpy / unchecked strcpy in the login handler",
        ["harm"] = "远程代码执行 / remote code execution as root",
        ["scope"] = "所有暴露管理界面的设备 / devices exposing the admin interface",
    };

    public static JsonObject Submission(string caseId) => new() { ["receiptId"] = "NVDB-" + caseId[..12] };

    public static JsonObject Patch() => new() { ["fixedVersion"] = "2.3.2", ["fix"] = "升级到 2.3.2 / upgrade to 2.3.2" };

    public static JsonObject Close() => new() { ["reason"] = "benchmark" };

    /// <summary>Files a report; returns its case id.</summary>
    public static async Task<string> FileAsync(HttpClient client, int n, CancellationToken cancellationToken = default)
    {
        using var response = await client.PostAsJsonAsync("/api/reports", Report(n), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"intake answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> StatusAsync(HttpClient psirt, string caseId, CancellationToken cancellationToken = default)
    {
        using var response = await psirt.GetAsync($"/api/reports/{caseId}", cancellationToken);
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
    }

    public static bool Has(JsonObject status, string type) =>
        status["timeline"]!.AsArray().Any(e => e!["type"]!.GetValue<string>() == type);

    public static DateTimeOffset? At(JsonObject status, string type) =>
        status["timeline"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == type)
            .Select(e => (DateTimeOffset?)DateTimeOffset.Parse(e!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>
    /// Posts a PSIRT action; on 202 (still queued after the host's wait) polls the case until
    /// <paramref name="appliedType"/> is in its timeline.
    /// </summary>
    public static async Task ActAsync(HttpClient psirt, string caseId, string action, JsonObject body, string appliedType, CancellationToken cancellationToken = default)
    {
        using var response = await psirt.PostAsJsonAsync($"/api/reports/{caseId}/{action}", body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK) return;
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            await WaitForAsync(psirt, caseId, s => Has(s, appliedType), TimeSpan.FromSeconds(180), cancellationToken, pollMilliseconds: 1000);
            return;
        }
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException($"{action} on {caseId} answered {(int)response.StatusCode}: {text}");
    }

    public static async Task<JsonObject> WaitForAsync(HttpClient psirt, string caseId, Func<JsonObject, bool> condition, TimeSpan timeout,
        CancellationToken cancellationToken = default, int pollMilliseconds = 250)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await StatusAsync(psirt, caseId, cancellationToken);
            if (condition(status)) return status;
            if (DateTime.UtcNow > until) throw new TimeoutException($"case {caseId} not there after {timeout.TotalSeconds} s: {status.ToJsonString()}");
            await Task.Delay(pollMilliseconds, cancellationToken);
        }
    }

    /// <summary>A policy of seconds: the MIIT deadline and reminder offsets given, in seconds.</summary>
    public static string Policy(string version, double deadlineSeconds, params double[] reminderSeconds) => $$"""
        { "version": "{{version}}", "timeZone": "Asia/Shanghai",
          "miitSubmission": { "deadline": "{{Iso(deadlineSeconds)}}", "reminders": [{{string.Join(",", reminderSeconds.Select(r => $"\"{Iso(r)}\""))}}], "escalations": [] },
          "intakeLogRetention": "P183D" }
        """;

    private static string Iso(double seconds) => seconds % 3600 == 0
        ? $"PT{(int)(seconds / 3600)}H"
        : "PT" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "S";
}
