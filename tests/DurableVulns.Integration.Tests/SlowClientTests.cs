using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DurableVulns.Testing;
using Xunit.Abstractions;

namespace DurableVulns.Integration.Tests;

/// <summary>
/// Slow and broken clients against the real Kestrel: a report body that trickles in a byte at a time,
/// one that stalls, and one cut short (the client stops sending before Content-Length). Kestrel's
/// minimum request body data rate (240 bytes/s after a 5 s grace period, the defaults) ends the slow
/// ones: a 4xx or a closed connection, never a 5xx, and the host keeps serving.
/// </summary>
public sealed class SlowClientTests(SlowClientTests.HostFixture fixture, ITestOutputHelper output) : IClassFixture<SlowClientTests.HostFixture>
{
    /// <summary>One host process for the slow-client cases.</summary>
    public sealed class HostFixture : IAsyncLifetime
    {
        public HostSandbox Sandbox { get; } = new(TestPolicies.LongReview);

        public HostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Sandbox.InitializeAsync();
            Process = HostProcess.Start(Sandbox.Environment(), Sandbox.Directory);
            await Process.WaitUntilReadyAsync();
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("trickle")]
    [InlineData("stall")]
    [InlineData("truncated")]
    public async Task PostReport_SlowOrCutShortBody_ServerEndsItWithout5xxAndStaysUp(string mode)
    {
        // Arrange: headers announcing a whole report, then its body far below the minimum data rate.
        var casesBefore = (await fixture.Sandbox.RowsAsync("Cases")).Count;
        var body = Encoding.UTF8.GetBytes(SampleRequests.Report().ToJsonString());
        var address = fixture.Process.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/reports HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var started = Stopwatch.StartNew();

        // Act: send the body slowly (or a few bytes and then nothing) until the server answers or hangs up.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = ReadResponseHeadAsync(stream, bound.Token);
        var sentBytes = await SendSlowlyAsync(stream, body, mode, response, bound.Token);
        var answer = await response;
        var ended = started.Elapsed;

        // Assert: a 4xx or a closed connection, never a 5xx; nothing created; the host still serves.
        var status = StatusOf(answer);
        Assert.True(status is null or (>= 400 and < 500), $"{mode}: the server answered {answer}");
        Assert.True(sentBytes < body.Length, $"{mode}: the whole body went through ({sentBytes} bytes)");
        Assert.Equal(casesBefore, (await fixture.Sandbox.RowsAsync("Cases")).Count);
        Assert.False(fixture.Process.HasExited, "the host exited");
        using var client = fixture.Sandbox.Client(fixture.Process);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var valid = await CaseDriver.FileAsync(client, CaseDriver.Report(1));
        Assert.True(valid.Accepted, valid.Body);

        var how = status is null ? "connection closed without a response" : answer!.Split("\r\n")[0];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: the server ended the request after {ended.TotalSeconds:F1} s and {sentBytes} of {body.Length} body bytes: {how}"));
    }

    /// <summary>
    /// One byte every half second ("trickle"), or ten bytes and then silence ("stall"), until the response
    /// has come; or ten bytes and the end of the client's sending side ("truncated").
    /// </summary>
    private static async Task<int> SendSlowlyAsync(NetworkStream stream, byte[] body, string mode, Task<string?> response, CancellationToken cancellationToken)
    {
        var sent = 0;
        try
        {
            if (mode == "truncated")
            {
                await stream.WriteAsync(body.AsMemory(0, 10), cancellationToken);
                stream.Socket.Shutdown(SocketShutdown.Send);
                return 10;
            }
            while (!response.IsCompleted && sent < body.Length)
            {
                if (mode == "trickle" || sent < 10)
                {
                    await stream.WriteAsync(body.AsMemory(sent, 1), cancellationToken);
                    sent++;
                }
                await Task.WhenAny(response, Task.Delay(mode == "trickle" ? 500 : 50, cancellationToken));
            }
        }
        catch (IOException)
        {
            // The server hung up mid-body.
        }
        return sent;
    }

    /// <summary>The response's status line and headers, or null when the server closed the connection without one.</summary>
    private static async Task<string?> ReadResponseHeadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0) break;
                received.AddRange(buffer.AsSpan(0, read));
                var text = Encoding.ASCII.GetString([.. received]);
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0) return text[..end];
            }
        }
        catch (IOException)
        {
            // Reset by the server.
        }
        return received.Count == 0 ? null : Encoding.ASCII.GetString([.. received]);
    }

    private static int? StatusOf(string? head)
    {
        if (head is null) return null;
        var parts = head.Split(' ', 3);
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : -1;
    }
}
