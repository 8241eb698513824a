using DurableVulns.Api.Maintenance;
using DurableVulns.Functions.Engine;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Functions.Maintenance;

/// <summary>
/// The maintenance runs of the standalone host, on timer triggers: the Functions host runs each
/// schedule on one instance at a time, and a failed run fails its invocation (logged) until the next.
/// Each run is taken from the invocation's services, so only the one that is due is built.
/// </summary>
public sealed class MaintenanceFunctions(InvocationWorkflowClient workflows, IServiceProvider invocationServices)
{
    /// <summary>Daily at 03:00 UTC (<see cref="RetentionRun.Interval"/>).</summary>
    public const string RetentionSchedule = "0 0 3 * * *";

    /// <summary>Every 5 minutes (<see cref="IntakeRecoveryRun.Interval"/>).</summary>
    public const string IntakeRecoverySchedule = "0 */5 * * * *";

    [Function(nameof(PurgePastRetention))]
    public Task PurgePastRetention(
        [TimerTrigger(RetentionSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RunAsync<RetentionRun>(client, cancellationToken);

    [Function(nameof(RecoverStoppedIntakes))]
    public Task RecoverStoppedIntakes(
        [TimerTrigger(IntakeRecoverySchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        RunAsync<IntakeRecoveryRun>(client, cancellationToken);

    private Task RunAsync<TRun>(DurableTaskClient client, CancellationToken cancellationToken) where TRun : IMaintenanceRun
    {
        workflows.Use(client);
        return invocationServices.GetRequiredService<TRun>().RunAsync(cancellationToken);
    }
}
