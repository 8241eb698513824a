using DurableTask.AzureStorage;
using DurableVulns.Api;
using DurableVulns.Host.Maintenance;
using DurableVulns.Testing;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Host.Tests;

/// <summary>The daily retention run purges finished workflow history, never the case, its audit, or a running case.</summary>
[Collection(HostCollection.Name)]
public sealed class RetentionServiceTests(DurableVulnsHost host)
{
    [Fact]
    public async Task Run_EightDaysAfterACaseClosed_PurgesItsHistoryKeepsTheCaseAndSparesOpenCases()
    {
        // Arrange: a closed case, an open one, and a clock eight days on (the policy keeps history seven).
        var open = await host.SubmitReportAsync();
        var id = await host.AssessedCaseAsync();
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        await host.ActAsync(id, "patch", SampleRequests.Patch());
        await host.ActAsync(id, "close");
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();
        await WaitAsync(async () => await workflows.GetStatusAsync(id) == "Completed");
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8));
        var service = new RetentionService(
            host.Services.GetRequiredService<IIntakeLog>(), host.Services.GetRequiredService<AzureStorageOrchestrationService>(),
            host.Services.GetRequiredService<PolicyProvider>(), later, NullLogger<RetentionService>.Instance);

        // Act: the first run starts at once.
        await service.StartAsync(CancellationToken.None);
        var purged = await WaitAsync(async () => await workflows.GetStatusAsync(id) is null);
        await service.StopAsync(CancellationToken.None);

        // Assert
        Assert.True(purged);
        var status = await host.StatusAsync(id);
        Assert.Equal("Closed", status["stage"]!.GetValue<string>());
        Assert.True(status.Has("Received"));
        Assert.Equal("Running", await workflows.GetStatusAsync(open));
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (await condition()) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
