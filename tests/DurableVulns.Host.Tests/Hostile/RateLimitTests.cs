using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using DurableVulns.Testing;

namespace DurableVulns.Host.Tests.Hostile;

/// <summary>
/// The anonymous endpoints are rate-limited per client address: past the permits of the minute a
/// client gets 429 with <c>Retry-After</c>, and the refused request changes nothing.
/// </summary>
public sealed class RateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task PostReport_OneMoreThanThePermitsOfTheMinute_Returns429WithRetryAfterAndCreatesNothing()
    {
        // Arrange: one client uses up the minute's permits with valid reports (other tests of this host file cases too).
        using var client = host.Client();
        var casesBefore = await CountAsync("Cases");
        var accepted = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedHost.IntakePermits; i++)
            accepted.Add((await client.PostAsJsonAsync("/api/reports", SampleRequests.Report())).StatusCode);

        // Act
        var refused = await client.PostAsJsonAsync("/api/reports", SampleRequests.Report());

        // Assert: the permits were honoured, then 429 with Retry-After and a problem; no sixth case.
        Assert.All(accepted, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Equal(casesBefore + RateLimitedHost.IntakePermits, await CountAsync("Cases"));
    }

    [Fact]
    public async Task ApprovalPage_OneMoreThanThePermitsOfTheMinute_Returns429WithRetryAfter()
    {
        // Arrange: one client uses up the minute's permits on approval links (forged ones: refused, but counted).
        using var client = host.Client();
        var answered = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedHost.ApprovalPermits; i++)
            answered.Add((await client.GetAsync($"/approvals/forged-token-{i}")).StatusCode);

        // Act
        var refused = await client.GetAsync("/approvals/forged-token-last");

        // Assert: each permitted request got its answer (not 429, not 5xx), then 429 with Retry-After.
        Assert.All(answered, s => Assert.InRange((int)s, 200, 499));
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answered);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {refused.Headers.RetryAfter}");
    }

    [Fact]
    public async Task PostReport_AnotherClientAddress_HasPermitsOfItsOwn()
    {
        // Arrange: one address uses up the minute's permits.
        using var busy = host.Client("192.0.2.10");
        using var other = host.Client("192.0.2.11");
        for (var i = 0; i < RateLimitedHost.IntakePermits; i++) await busy.PostAsJsonAsync("/api/reports", SampleRequests.Report());

        // Act
        var refused = await busy.PostAsJsonAsync("/api/reports", SampleRequests.Report());
        var accepted = await other.PostAsJsonAsync("/api/reports", SampleRequests.Report());

        // Assert
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Theory]
    [InlineData("/track/forged-token", "198.51.100.20")]
    [InlineData("/report", "198.51.100.21")]
    public async Task AnonymousPage_OneMoreThanThePermitsOfTheMinute_Returns429WithRetryAfter(string path, string address)
    {
        // Arrange: the reporter pages share the intake's budget per address.
        using var client = host.Client(address);
        var answered = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedHost.IntakePermits; i++) answered.Add((await client.GetAsync(path)).StatusCode);

        // Act
        var refused = await client.GetAsync(path);

        // Assert
        Assert.All(answered, s => Assert.InRange((int)s, 200, 499));
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answered);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"Retry-After: {refused.Headers.RetryAfter}");
    }

    private async Task<int> CountAsync(string table)
    {
        var client = new TableClient(DurableVulnsHost.ConnectionString, host.TaskHub + table);
        await client.CreateIfNotExistsAsync();
        var count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(select: ["RowKey"])) count++;
        return count;
    }
}
