using Azure.Data.Tables;
using DurableVulns.Api;
using DurableVulns.Api.Maintenance;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Testing;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DurableVulns.Host.Tests.Maintenance;

/// <summary>A case whose intake stopped after storing its record gets its workflow from the recovery run.</summary>
[Collection(HostCollection.Name)]
public sealed class IntakeRecoveryRunTests(DurableVulnsHost host)
{
    [Fact]
    public async Task Run_CaseStoredWithoutWorkflowPastTheGrace_StartsItAndSaysSo()
    {
        // Arrange: the run's clock is three minutes on. A case filed through the API (with its
        // workflow), and records stored without one: four minutes before that clock; one minute
        // before it, still within the grace; and eight days before it, past the history retention
        // (a workflow purged after it failed looks like none).
        var now = DateTime.UtcNow;
        var filed = await host.SubmitReportAsync();
        var orphan = await StoredWithoutWorkflowAsync(now.AddMinutes(-1));
        var recent = await StoredWithoutWorkflowAsync(now.AddMinutes(2));
        var old = await StoredWithoutWorkflowAsync(now.AddDays(-8));
        var workflows = host.Services.GetRequiredService<IWorkflowClient>();

        // Act
        using (var scope = host.Services.CreateScope())
        {
            var time = new FakeTimeProvider(new DateTimeOffset(now.AddMinutes(3)));
            await ActivatorUtilities.CreateInstance<IntakeRecoveryRun>(scope.ServiceProvider, time).RunAsync(CancellationToken.None);
        }
        var status = await host.WaitForAsync(orphan, s => s.Has("IntakeRecovered") && s.Has("Acknowledged"));
        // The host's own recovery run would start the other two later: they go.
        await RemoveAsync(recent, old);

        // Assert: the orphan has its clock, the received entry and an intake-log line; the others are left as they were.
        Assert.Equal("Running", await workflows.GetStatusAsync(orphan));
        Assert.True(status.Has("Received"));
        Assert.Contains(await new StorageProbe(host).IntakeLogAsync(), row => row.GetString("CaseId") == orphan && row.GetString("Outcome") == "Recovered");
        Assert.Null(await workflows.GetStatusAsync(recent));
        Assert.Null(await workflows.GetStatusAsync(old));
        Assert.False((await host.StatusAsync(filed)).Has("IntakeRecovered"));
    }

    private async Task RemoveAsync(params string[] caseIds)
    {
        var table = new TableClient(DurableVulnsHost.ConnectionString, host.TaskHub + "Cases");
        foreach (var id in caseIds) await table.DeleteEntityAsync(id, "case");
    }

    private async Task<string> StoredWithoutWorkflowAsync(DateTime receivedAtUtc)
    {
        var policy = host.Services.GetRequiredService<PolicyProvider>().Current;
        var record = new CaseRecord(Guid.NewGuid().ToString("N"), receivedAtUtc,
            new ReportSubmission(new Reporter("李伟", "liwei@lab.example.cn", "Lab", "CN"), new Product("Acme", "Router X", "RX-100", "2.3.1"),
                "Stack overflow in web admin", "A long enough description of the flaw.", null),
            policy.Version, policy.TimeZone, CaseStage.Received, MiitClock.Deadline(receivedAtUtc, policy.MiitSubmission));
        await host.Services.GetRequiredService<ICaseStore>().CreateAsync(record);
        return record.Id;
    }
}
