namespace DurableVulns.Api.Maintenance;

/// <summary>
/// A housekeeping run that both hosts schedule: the standalone host from a background service,
/// the Functions app from a timer trigger. One run does its work once; the host repeats it.
/// </summary>
public interface IMaintenanceRun
{
    Task RunAsync(CancellationToken cancellationToken);
}
