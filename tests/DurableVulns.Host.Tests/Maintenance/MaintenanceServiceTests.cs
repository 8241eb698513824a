using DurableVulns.Api.Maintenance;
using DurableVulns.Host.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Host.Tests.Maintenance;

public sealed class MaintenanceServiceTests
{
    [Fact]
    public async Task ExecuteAsync_FirstRunFails_RunsAgainAfterTheIntervalInANewScope()
    {
        // Arrange: a run that fails the first time (storage away, or timed out), counted across scopes.
        var runs = new RunLog();
        using var services = new ServiceCollection().AddSingleton(runs).AddScoped<FlakyRun>().BuildServiceProvider();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var interval = TimeSpan.FromMinutes(5);
        using var service = new MaintenanceService<FlakyRun>(
            services.GetRequiredService<IServiceScopeFactory>(), interval, time, NullLogger<MaintenanceService<FlakyRun>>.Instance);

        // Act: start (the first run is at once), then let the interval pass.
        await service.StartAsync(CancellationToken.None);
        await runs.WaitForAsync(1);
        time.Advance(interval);
        await runs.WaitForAsync(2);
        await service.StopAsync(CancellationToken.None);

        // Assert: the failure did not stop the service; each run had a scope of its own.
        Assert.Equal(2, runs.Scopes.Count);
        Assert.Equal(2, runs.Scopes.Distinct().Count());
    }

    private sealed class RunLog
    {
        private readonly SemaphoreSlim ran = new(0);

        public List<FlakyRun> Scopes { get; } = [];

        public void Add(FlakyRun run)
        {
            lock (Scopes) Scopes.Add(run);
            ran.Release();
        }

        public async Task WaitForAsync(int count)
        {
            while (true)
            {
                lock (Scopes) if (Scopes.Count >= count) return;
                Assert.True(await ran.WaitAsync(TimeSpan.FromSeconds(30)), $"run {count} never came");
            }
        }
    }

    private sealed class FlakyRun(RunLog log) : IMaintenanceRun
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            log.Add(this);
            // The Azure SDK reports a request timeout as a TaskCanceledException.
            return log.Scopes.Count == 1 ? Task.FromException(new TaskCanceledException("storage timed out")) : Task.CompletedTask;
        }
    }
}
