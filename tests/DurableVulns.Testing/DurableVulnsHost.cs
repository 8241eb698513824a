using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace DurableVulns.Testing;

/// <summary>
/// The real standalone host, in-process, on the real Azurite, with a task hub of its own,
/// a policy given as JSON, and a pickup folder for its mail. Tests talk to it over HTTP.
/// </summary>
public class DurableVulnsHost : IAsyncLifetime
{
    public const string ApiKey = "test-psirt-key";
    public const string PsirtAddress = "psirt-oncall@acme.example";
    public const string MiitReviewer = "reviewer@miit.example.cn";
    public const string MiitDeputy = "deputy@miit.example.cn";
    public const string MpsReviewer = "reviewer@mps.example.cn";
    public const string ConnectionString = "UseDevelopmentStorage=true";

    // The replay fixtures' approval links were signed with this key for MiitReviewer and MpsReviewer
    // (scripts/make-replay-fixture): change them together.
    public const string SigningKey = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    private readonly string policyJson;
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "durablevulns-tests", Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public DurableVulnsHost() : this(TestPolicies.SlowClock)
    {
    }

    protected DurableVulnsHost(string policyJson) => this.policyJson = policyJson;

    public string TaskHub { get; } = TestNames.TaskHub();

    public string MailDirectory => Path.Combine(workDirectory, "mail");

    public HttpClient Anonymous { get; private set; } = null!;

    public HttpClient Psirt { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    /// <summary>A fresh client with its own cookies, as a reviewer's browser would be.</summary>
    public HttpClient Browser() => factory!.CreateClient();

    /// <summary>The in-process host, for subclasses that make clients of their own kind.</summary>
    protected WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>Settings a subclass adds to (or overrides in) the ones above; runs last.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(MailDirectory);
        var policyFile = Path.Combine(workDirectory, "policy.json");
        await File.WriteAllTextAsync(policyFile, policyJson);

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AzureWebJobsStorage", ConnectionString);
            builder.UseSetting("DurableVulns:TaskHub", TaskHub);
            builder.UseSetting("DurableVulns:WorkerId", TaskHub + "-worker");
            builder.UseSetting("DurableVulns:PolicyFile", policyFile);
            builder.UseSetting("DurableVulns:ApiKey", ApiKey);
            builder.UseSetting("DurableVulns:Psirt:Addresses:0", PsirtAddress);
            builder.UseSetting("DurableVulns:Mail:Mode", "Pickup");
            builder.UseSetting("DurableVulns:Mail:PickupDirectory", MailDirectory);
            builder.UseSetting("DurableVulns:IntakePermitsPerMinute", "100000");
            builder.UseSetting("DurableVulns:ApprovalPermitsPerMinute", "100000");
            builder.UseSetting("DurableVulns:Reviewers:MIIT:0", MiitReviewer);
            builder.UseSetting("DurableVulns:Reviewers:MIIT:1", MiitDeputy);
            builder.UseSetting("DurableVulns:Reviewers:MPS:0", MpsReviewer);
            builder.UseSetting("DurableVulns:Approvals:SigningKey", SigningKey);
            builder.UseSetting("DurableVulns:Approvals:PublicBaseUrl", "http://localhost");
            // Off here, on in production and in the tests that start the host as a process: without a
            // kept session every episode replays the orchestrator from its history, so a change that
            // does not replay the same way fails these tests.
            builder.UseSetting("DurableVulns:Engine:ExtendedSessionsEnabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            Configure(builder);
        });
        Anonymous = factory.CreateClient();
        Psirt = factory.CreateClient();
        Psirt.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public virtual async Task DisposeAsync()
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

    /// <summary>Files the report and returns its case id.</summary>
    public async Task<string> SubmitReportAsync(JsonObject? report = null)
    {
        var response = await Anonymous.PostAsJsonAsync("/api/reports", report ?? SampleRequests.Report());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"intake answered {(int)response.StatusCode}: {body}");
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

    /// <summary>Posts a PSIRT action and returns the response.</summary>
    public Task<HttpResponseMessage> ActAsync(string caseId, string action, JsonObject? body = null) =>
        Psirt.PostAsJsonAsync($"/api/reports/{caseId}/{action}", body ?? new JsonObject());

    /// <summary>Files a report and records its assessment; returns the case id.</summary>
    public async Task<string> AssessedCaseAsync()
    {
        var id = await SubmitReportAsync();
        var assessed = await ActAsync(id, "assessment", SampleRequests.Assessment());
        Assert.True(assessed.StatusCode == System.Net.HttpStatusCode.OK, await assessed.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Replaces the pickup folder by a plain file, so that every send fails until the outage ends.</summary>
    public async Task<MailOutage> StartMailOutageAsync()
    {
        Directory.Delete(MailDirectory, recursive: true);
        await File.WriteAllTextAsync(MailDirectory, "a mail outage");
        return new MailOutage(MailDirectory);
    }

    /// <summary>The names of the activities the orchestration <paramref name="instanceId"/> scheduled, from its durable history.</summary>
    public async Task<IReadOnlyList<string>> ScheduledActivitiesAsync(string instanceId) =>
        [.. (await HistoryEventsAsync(instanceId, "TaskScheduled")).Select(row => row.GetString("Name"))];

    /// <summary>The events of type <paramref name="eventType"/> (say, "TimerFired") in the durable history of <paramref name="instanceId"/>.</summary>
    public async Task<IReadOnlyList<TableEntity>> HistoryEventsAsync(string instanceId, string eventType)
    {
        var history = new TableClient(ConnectionString, TaskHub + "History");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and EventType eq {eventType}");
        var rows = new List<TableEntity>();
        await foreach (var row in history.QueryAsync<TableEntity>(filter)) rows.Add(row);
        return rows;
    }

    /// <summary>
    /// Asserts that the orchestration <paramref name="instanceId"/> set no durable timer twice for the
    /// same time, as a clock that waited out an early timer with timers did, dozens of times a step.
    /// </summary>
    public async Task AssertNoTimerSetTwiceAsync(string instanceId)
    {
        var timers = await HistoryEventsAsync(instanceId, "TimerCreated");
        Assert.NotEmpty(timers);
        Assert.All(timers.GroupBy(timer => timer.GetDateTimeOffset("FireAt")), sameTime => Assert.Single(sameTime));
    }

    /// <summary>The .eml files the host wrote so far, read as text.</summary>
    public IReadOnlyList<string> MailFiles() =>
        [.. Directory.GetFiles(MailDirectory, "*.eml").Select(File.ReadAllText)];
}
