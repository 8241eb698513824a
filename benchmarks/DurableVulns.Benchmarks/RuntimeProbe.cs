using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace DurableVulns.Benchmarks;

/// <summary>
/// Looks into the running host over the .NET diagnostics port (EventPipe), changing nothing in
/// it: forces a full blocking GC and reads the managed heap size it leaves, and counts the
/// storage requests the host's Azure SDK clients make.
/// </summary>
public static class RuntimeProbe
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000; // enabling it makes the runtime run a full blocking GC

    /// <summary>Forces a full GC in <paramref name="pid"/> (twice, so finalized objects go too); returns the managed heap after it and VmRSS.</summary>
    public static async Task<(double HeapMiB, double RssMiB)> ForceGcAsync(int pid)
    {
        double heap = double.NaN;
        for (var round = 0; round < 2; round++)
        {
            heap = await InducedGcHeapAsync(pid);
            await Task.Delay(500);
        }
        return (heap, ProcStats.RssMiB(pid));
    }

    private static async Task<double> InducedGcHeapAsync(int pid)
    {
        var client = new DiagnosticsClient(pid);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
            requestRundown: false, circularBufferMB: 64, CancellationToken.None);
        var result = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        source.Clr.GCStart += data => { if (data.Reason == GCReason.Induced && data.Depth == 2) induced = true; };
        source.Clr.GCHeapStats += data =>
        {
            if (induced) result.TrySetResult(data.TotalHeapSize / 1024.0 / 1024.0);
        };
        var processing = Task.Run(source.Process);
        var finished = await Task.WhenAny(result.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        await session.StopAsync(CancellationToken.None);
        await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(10)));
        source.Dispose();
        return finished == result.Task ? await result.Task : double.NaN;
    }

    /// <summary>Starts counting the storage requests <paramref name="pid"/> makes (Azure.Core's "Request" events).</summary>
    public static RequestCounter CountRequests(int pid, string connectionString)
    {
        var client = new DiagnosticsClient(pid);
        var session = client.StartEventPipeSession(
            [new EventPipeProvider("Azure-Core", EventLevel.Informational)], requestRundown: false, circularBufferMB: 64);
        return new RequestCounter(session, StorageEndpoints.Parse(connectionString));
    }
}

/// <summary>Storage requests by kind, seen in a process's Azure.Core events.</summary>
public sealed class RequestCounter : IAsyncDisposable
{
    private readonly EventPipeSession? session;
    private readonly Task? processing;
    private readonly AzureEventSourceListenerShim? listener;
    private readonly StorageEndpoints endpoints;

    internal RequestCounter(EventPipeSession session, StorageEndpoints endpoints)
    {
        this.session = session;
        this.endpoints = endpoints;
        var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += data =>
        {
            if (data.ProviderName != "Azure-Core" || data.EventName != "Request") return;
            Add(data.PayloadByName("method") as string, data.PayloadByName("uri") as string);
        };
        processing = Task.Run(() =>
        {
            source.Process();
            source.Dispose();
        });
    }

    private RequestCounter(StorageEndpoints endpoints)
    {
        this.endpoints = endpoints;
        listener = new AzureEventSourceListenerShim(this);
    }

    public ConcurrentDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public long Total => Counts.Values.Sum();

    /// <summary>Counts the requests of the benchmark's own process (the bare baseline engine).</summary>
    public static RequestCounter InProcess(string connectionString) => new(StorageEndpoints.Parse(connectionString));

    internal void Add(string? method, string? uri)
    {
        if (method is null || uri is null) return;
        Counts.AddOrUpdate(endpoints.Classify(method, uri), 1, (_, n) => n + 1);
    }

    /// <summary>"table query 12.1, queue dequeue 8.0, …" per unit of work.</summary>
    public string PerUnit(double units) => string.Join(", ", Counts.OrderByDescending(c => c.Value)
        .Select(c => $"{c.Key} {Stats.F(c.Value / units, 1)}"));

    public async ValueTask DisposeAsync()
    {
        listener?.Dispose();
        if (session is not null)
        {
            try
            {
                await session.StopAsync(CancellationToken.None);
            }
            catch (ServerNotAvailableException)
            {
            }
            await Task.WhenAny(processing!, Task.Delay(TimeSpan.FromSeconds(10)));
            session.Dispose();
        }
    }

    private sealed class AzureEventSourceListenerShim : IDisposable
    {
        private readonly Azure.Core.Diagnostics.AzureEventSourceListener inner;

        public AzureEventSourceListenerShim(RequestCounter counter) =>
            inner = new Azure.Core.Diagnostics.AzureEventSourceListener((e, _) =>
            {
                if (e.EventSource.Name != "Azure-Core" || e.EventName != "Request" || e.PayloadNames is null || e.Payload is null) return;
                var method = e.PayloadNames.IndexOf("method");
                var uri = e.PayloadNames.IndexOf("uri");
                if (method >= 0 && uri >= 0) counter.Add(e.Payload[method] as string, e.Payload[uri] as string);
            }, EventLevel.Informational);

        public void Dispose() => inner.Dispose();
    }
}

/// <summary>Which port is which storage service, from a connection string.</summary>
public sealed record StorageEndpoints(int Blob, int Queue, int Table)
{
    public static StorageEndpoints Parse(string connectionString)
    {
        int Port(string key, int fallback)
        {
            foreach (var part in connectionString.Split(';'))
                if (part.StartsWith(key + "=", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(part[(key.Length + 1)..], UriKind.Absolute, out var uri))
                    return uri.Port;
            return fallback;
        }
        return new StorageEndpoints(Port("BlobEndpoint", 10000), Port("QueueEndpoint", 10001), Port("TableEndpoint", 10002));
    }

    public string Classify(string method, string uriText)
    {
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri)) return "other";
        var path = uri.AbsolutePath;
        var query = uri.Query;
        if (uri.Port == Queue)
        {
            var messages = path.Contains("/messages", StringComparison.Ordinal);
            return (method, messages) switch
            {
                ("GET", true) => query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) ? "queue peek" : "queue dequeue",
                ("POST", true) => "queue send",
                ("DELETE", true) => "queue delete",
                ("PUT", true) => "queue update",
                _ => "queue other",
            };
        }
        if (uri.Port == Table)
        {
            return method switch
            {
                "GET" => path.Contains('(', StringComparison.Ordinal) && !path.EndsWith("()", StringComparison.Ordinal) ? "table point read" : "table query",
                "POST" when path.EndsWith("$batch", StringComparison.Ordinal) => "table batch",
                "POST" => "table insert",
                "PUT" or "MERGE" or "PATCH" => "table upsert",
                "DELETE" => "table delete",
                _ => "table other",
            };
        }
        if (uri.Port == Blob)
        {
            if (query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase)) return "blob lease";
            return method switch
            {
                "GET" or "HEAD" => "blob read",
                "PUT" => "blob write",
                _ => "blob other",
            };
        }
        return "other";
    }
}
