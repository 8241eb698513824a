using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DurableVulns.Web.Console;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DurableVulns.Testing;

/// <summary>
/// The real standalone host, in-process on Azurite, configured as <see cref="DurableVulnsHost"/> is and
/// with console users: an analyst, a lead, and spare analysts for tests that count failed sign-ins
/// (their lock-outs stay in this host's own task hub). Development by default; a subclass may pick
/// another environment (Production: Secure cookies, pages over HTTPS only).
/// </summary>
public class ConsoleHost : IAsyncLifetime
{
    public const string AnalystEmail = "analyst@acme.example";
    public const string AnalystPassword = "analyst-Pa55word";
    public const string LeadEmail = "lead@acme.example";
    public const string LeadPassword = "lead-Pa55word";

    /// <summary>Analysts (password <see cref="AnalystPassword"/>) whose sign-ins a test may fail on purpose, one test each.</summary>
    public static readonly IReadOnlyList<string> SpareAnalysts =
        ["spare-1@acme.example", "spare-2@acme.example", "spare-3@acme.example", "spare-4@acme.example"];

    private readonly string environment;
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "durablevulns-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public ConsoleHost() : this("Development")
    {
    }

    protected ConsoleHost(string environment) => this.environment = environment;

    public string TaskHub { get; } = TestNames.TaskHub("c");

    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Psirt { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    /// <summary>
    /// A fresh client that does not follow redirects, as a browser tab whose redirects a test inspects:
    /// over HTTPS or plain HTTP, keeping its cookies or not, and in English unless told otherwise.
    /// </summary>
    public HttpClient Browser(bool https = false, bool handleCookies = true, string? language = "en")
    {
        var client = factory!.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = handleCookies,
        });
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task InitializeAsync()
    {
        var mail = Path.Combine(workDirectory, "mail");
        Directory.CreateDirectory(mail);
        var policyFile = Path.Combine(workDirectory, "policy.json");
        await File.WriteAllTextAsync(policyFile, TestPolicies.SlowClock);

        var users = new List<(string Email, string Password, string Role)>
        {
            (AnalystEmail, AnalystPassword, ConsoleRoles.Analyst),
            (LeadEmail, LeadPassword, ConsoleRoles.Lead),
        };
        users.AddRange(SpareAnalysts.Select(email => (email, AnalystPassword, ConsoleRoles.Analyst)));
        var hashes = users.Select(u => LocalSignIn.HashPassword(u.Password)).ToArray();

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("AzureWebJobsStorage", DurableVulnsHost.ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", TaskHub);
            builder.UseSetting("DurableVulns:WorkerId", TaskHub + "-worker");
            builder.UseSetting("DurableVulns:PolicyFile", policyFile);
            builder.UseSetting("DurableVulns:ApiKey", DurableVulnsHost.ApiKey);
            builder.UseSetting("DurableVulns:Psirt:Addresses:0", DurableVulnsHost.PsirtAddress);
            builder.UseSetting("DurableVulns:Mail:Mode", "Pickup");
            builder.UseSetting("DurableVulns:Mail:PickupDirectory", mail);
            builder.UseSetting("DurableVulns:IntakePermitsPerMinute", "100000");
            builder.UseSetting("DurableVulns:ApprovalPermitsPerMinute", "100000");
            builder.UseSetting("DurableVulns:Reviewers:MIIT:0", DurableVulnsHost.MiitReviewer);
            builder.UseSetting("DurableVulns:Reviewers:MPS:0", DurableVulnsHost.MpsReviewer);
            builder.UseSetting("DurableVulns:Approvals:SigningKey", DurableVulnsHost.SigningKey);
            builder.UseSetting("DurableVulns:Approvals:PublicBaseUrl", "https://localhost");
            for (var i = 0; i < users.Count; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                builder.UseSetting($"DurableVulns:Console:Users:{n}:Email", users[i].Email);
                builder.UseSetting($"DurableVulns:Console:Users:{n}:PasswordHash", hashes[i]);
                builder.UseSetting($"DurableVulns:Console:Users:{n}:Role", users[i].Role);
            }
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        Anonymous = factory.CreateClient();
        Psirt = factory.CreateClient();
        Psirt.DefaultRequestHeaders.Add("X-Api-Key", DurableVulnsHost.ApiKey);
    }

    public async Task DisposeAsync()
    {
        if (factory is null) return;
        await factory.DisposeAsync();
        await TaskHubCleaner.DeleteAsync(TaskHub);
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>Files the report through the API and returns its case id.</summary>
    public async Task<string> SubmitReportAsync(JsonObject? report = null)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/reports", report ?? SampleRequests.Report());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"intake answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> StatusAsync(string caseId)
    {
        var response = await Psirt.GetAsync($"/api/reports/{caseId}");
        response.EnsureSuccessStatusCode();
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>
    /// Polls the case until <paramref name="condition"/> holds. The bound only stops a broken
    /// run from hanging; no test asserts how fast anything happened.
    /// </summary>
    public async Task<JsonObject> WaitForAsync(string caseId, Func<JsonObject, bool> condition, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await StatusAsync(caseId);
            if (condition(status)) return status;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Case {caseId} did not reach the expected state within {seconds}s; last status: {status.ToJsonString()}");
            await Task.Delay(250);
        }
    }

    /// <summary>Posts a PSIRT action through the API and returns the response.</summary>
    public Task<HttpResponseMessage> ActAsync(string caseId, string action, JsonObject? body = null) =>
        Psirt.PostAsJsonAsync($"/api/reports/{caseId}/{action}", body ?? new JsonObject());
}
