using System.Net;
using System.Threading.RateLimiting;
using DurableVulns.Api.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Tests.Approvals;

public sealed class ApprovalRateLimitPolicyTests
{
    [Fact]
    public void GetPartition_SameAddress_LimitsAfterConfiguredPermits()
    {
        // Arrange
        var policy = new ApprovalRateLimitPolicy(Options.Create(new ApiOptions { ApprovalPermitsPerMinute = 2 }));
        var partition = policy.GetPartition(From("203.0.113.7"));
        using var limiter = partition.Factory(partition.PartitionKey);

        // Act
        var leases = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire()).ToList();

        // Assert
        Assert.Equal([true, true, false], leases.Select(l => l.IsAcquired));
        leases.ForEach(l => l.Dispose());
    }

    [Fact]
    public void GetPartition_OtherAddresses_AreOtherPartitions()
    {
        // Arrange
        var policy = new ApprovalRateLimitPolicy(Options.Create(new ApiOptions()));

        // Act
        var first = policy.GetPartition(From("203.0.113.7"));
        var second = policy.GetPartition(From("2001:db8::1"));

        // Assert
        Assert.NotEqual(first.PartitionKey, second.PartitionKey);
    }

    [Fact]
    public async Task OnRejected_Rejection_WritesBilingual429WithRetryAfter()
    {
        // Arrange
        var policy = new ApprovalRateLimitPolicy(Options.Create(new ApiOptions { ApprovalPermitsPerMinute = 1 }));
        var http = From("203.0.113.7");
        using var body = new MemoryStream();
        http.Response.Body = body;
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        using var granted = limiter.AttemptAcquire();
        using var refused = limiter.AttemptAcquire();

        // Act
        await policy.OnRejected!(new OnRejectedContext { HttpContext = http, Lease = refused }, CancellationToken.None);

        // Assert
        Assert.False(refused.IsAcquired);
        Assert.Equal(429, http.Response.StatusCode);
        Assert.InRange(int.Parse(http.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("no-store", http.Response.Headers.CacheControl);
        var html = System.Text.Encoding.UTF8.GetString(body.ToArray());
        Assert.Contains("请求过多", html, StringComparison.Ordinal);
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
    }

    private static DefaultHttpContext From(string address)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }
}
