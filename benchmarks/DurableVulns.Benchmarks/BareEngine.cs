using System.Collections.Concurrent;
using System.Globalization;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableVulns.Benchmarks;

/// <summary>
/// The baseline: DurableTask.Core's TaskHubWorker and TaskHubClient over the same Azure Storage
/// backend and Azurite, in the benchmark's own process, with the host's engine settings, and the
/// same DurableTaskShimFactory bridge the host uses. Its one orchestration waits on a durable
/// timer, then runs one activity that notes the wall-clock time it ran.
/// </summary>
public sealed class BareEngine : IAsyncDisposable
{
    public const string OrchestrationName = "BareOrchestrator";
    public const string ActivityName = "BareActivity";

    private readonly BenchOptions options;
    private readonly TaskHubWorker? worker;

    private BareEngine(BenchOptions options, string taskHub, AzureStorageOrchestrationService service, TaskHubWorker? worker)
    {
        this.options = options;
        TaskHub = taskHub;
        Service = service;
        this.worker = worker;
        Client = new TaskHubClient(service, new CoreJsonConverter(), NullLoggerFactory.Instance);
    }

    public string TaskHub { get; }

    public AzureStorageOrchestrationService Service { get; }

    public TaskHubClient Client { get; }

    /// <summary>Instance id → when its activity ran (UTC).</summary>
    public ConcurrentDictionary<string, DateTime> Fired { get; } = new(StringComparer.Ordinal);

    /// <summary>The host's engine settings (DurableVulns.Host/Engine), with the runner's --engine overrides.</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(BenchOptions options, string taskHub)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
            TaskHubName = taskHub,
            WorkerId = taskHub + "-worker",
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(30),
            LeaseInterval = TimeSpan.FromSeconds(30),
            ExtendedSessionsEnabled = true,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(1),
            ControlQueueBufferThreshold = 256,
        };
        foreach (var (name, text) in options.Engine)
        {
            var property = typeof(AzureStorageOrchestrationServiceSettings).GetProperty(name);
            if (property is null || !property.CanWrite) continue; // host-only setting
            object value = property.PropertyType == typeof(TimeSpan) ? TimeSpan.Parse(text, CultureInfo.InvariantCulture)
                : Convert.ChangeType(text, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, CultureInfo.InvariantCulture);
            property.SetValue(settings, value);
        }
        return settings;
    }

    /// <summary>Creates the hub; with <paramref name="runWorker"/>, also runs the worker (a client-only baseline does not).</summary>
    public static async Task<BareEngine> StartAsync(BenchOptions options, string purpose, bool runWorker)
    {
        var taskHub = Storage.NewTaskHub(purpose);
        var service = new AzureStorageOrchestrationService(Settings(options, taskHub));
        await service.CreateIfNotExistsAsync();
        if (!runWorker) return new BareEngine(options, taskHub, service, null);

        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        var engine = new BareEngine(options, taskHub, service, worker);
        worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(OrchestrationName, () => shims.CreateOrchestration(OrchestrationName, new BareOrchestrator())));
        worker.AddTaskActivities(new Creator<TaskActivity>(ActivityName, () => shims.CreateActivity(ActivityName, new BareActivity(engine.Fired))));
        await worker.StartAsync();
        return engine;
    }

    /// <summary>Schedules one bare orchestration: a timer due at <paramref name="dueUtc"/> (or after <paramref name="delay"/>), then the activity.</summary>
    public Task<OrchestrationInstance> ScheduleAsync(string instanceId, DateTime? dueUtc, TimeSpan delay, object? payload = null) =>
        Client.CreateOrchestrationInstanceAsync(OrchestrationName, string.Empty, instanceId, new BareInput(dueUtc, delay.TotalSeconds, payload));

    public async ValueTask DisposeAsync()
    {
        if (worker is not null) await worker.StopAsync(isForced: true);
        await Storage.DeleteTaskHubAsync(options.ConnectionString, TaskHub);
    }

    public sealed record BareInput(DateTime? DueUtc, double DelaySeconds, object? Payload);

    private sealed class BareOrchestrator : TaskOrchestrator<BareInput, DateTime>
    {
        public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, BareInput input)
        {
            var due = input.DueUtc ?? context.CurrentUtcDateTime.AddSeconds(input.DelaySeconds);
            await context.CreateTimer(due, CancellationToken.None);
            return await context.CallActivityAsync<DateTime>(ActivityName, context.InstanceId);
        }
    }

    private sealed class BareActivity(ConcurrentDictionary<string, DateTime> fired) : Microsoft.DurableTask.TaskActivity<string, DateTime>
    {
        public override Task<DateTime> RunAsync(TaskActivityContext context, string input)
        {
            var now = DateTime.UtcNow;
            fired.TryAdd(input, now);
            return Task.FromResult(now);
        }
    }

    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> create;

        public Creator(string name, Func<T> create)
        {
            this.create = create;
            Name = name;
            Version = string.Empty;
        }

        public override T Create() => create();
    }

    /// <summary>The host's CoreJsonDataConverter: Core's client writes with the shims' System.Text.Json converter.</summary>
    private sealed class CoreJsonConverter : DurableTask.Core.Serializing.DataConverter
    {
        private readonly JsonDataConverter inner = JsonDataConverter.Default;

        public override string Serialize(object value) => inner.Serialize(value)!;

        public override string Serialize(object value, bool formatted) => inner.Serialize(value)!;

        public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
    }
}
