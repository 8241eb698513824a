using DurableVulns.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api.Tests.Http;

public sealed class ApiKeyFilterTests
{
    private const string Key = "psirt-key-0123456789";

    private bool nextCalled;

    [Fact]
    public async Task InvokeAsync_NoKeyHeader_Returns401WithChallengeAndSkipsNext()
    {
        // Arrange
        var filter = Filter(Key);
        var http = new DefaultHttpContext();

        // Act
        var outcome = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), NextAsync);

        // Assert
        await AssertUnauthorizedAsync(outcome, http);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("")]
    [InlineData("PSIRT-KEY-0123456789")]
    [InlineData("psirt-key-0123456789 ")]
    [InlineData("psirt-key-012345678")]
    public async Task InvokeAsync_WrongKey_Returns401WithChallengeAndSkipsNext(string given)
    {
        // Arrange
        var filter = Filter(Key);
        var http = WithKey(given);

        // Act
        var outcome = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), NextAsync);

        // Assert
        await AssertUnauthorizedAsync(outcome, http);
    }

    [Fact]
    public async Task InvokeAsync_KeySentTwice_Returns401()
    {
        // Arrange
        var filter = Filter(Key);
        var http = new DefaultHttpContext();
        http.Request.Headers[ApiKeyFilter.HeaderName] = new[] { Key, Key };

        // Act
        var outcome = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), NextAsync);

        // Assert
        await AssertUnauthorizedAsync(outcome, http);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData(null, "anything")]
    [InlineData("", "anything")]
    public async Task InvokeAsync_NoConfiguredKey_Returns401WhateverIsSent(string? configured, string given)
    {
        // Arrange
        var filter = Filter(configured);
        var http = WithKey(given);

        // Act
        var outcome = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), NextAsync);

        // Assert
        await AssertUnauthorizedAsync(outcome, http);
    }

    [Fact]
    public async Task InvokeAsync_RightKey_CallsNextAndReturnsItsResult()
    {
        // Arrange
        var filter = Filter(Key);
        var http = WithKey(Key);

        // Act
        var outcome = await filter.InvokeAsync(new DefaultEndpointFilterInvocationContext(http), NextAsync);

        // Assert
        Assert.True(nextCalled);
        Assert.Equal("next", outcome);
        Assert.False(http.Response.Headers.ContainsKey("WWW-Authenticate"));
    }

    private static ApiKeyFilter Filter(string? key) => new(Options.Create(new ApiOptions { ApiKey = key }));

    private static DefaultHttpContext WithKey(string key)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers[ApiKeyFilter.HeaderName] = key;
        return http;
    }

    private ValueTask<object?> NextAsync(EndpointFilterInvocationContext context)
    {
        nextCalled = true;
        return ValueTask.FromResult<object?>("next");
    }

    private async Task AssertUnauthorizedAsync(object? outcome, HttpContext http)
    {
        Assert.False(nextCalled);
        var result = Assert.IsAssignableFrom<IResult>(outcome);
        var executed = await TestHttp.ExecuteAsync(result, http);
        Assert.Equal(401, executed.Status);
        Assert.Equal("X-Api-Key", executed.Headers.WWWAuthenticate.ToString());
        Assert.Equal("A valid X-Api-Key header is required.", executed.Json.GetProperty("title").GetString());
        Assert.StartsWith("application/problem+json", executed.ContentType, StringComparison.Ordinal);
    }
}
