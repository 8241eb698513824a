using Microsoft.Extensions.Configuration;

namespace DurableVulns.Functions;

/// <summary>
/// The task hub's name on the Functions app. host.json names the hub by the flat app setting
/// <see cref="Setting"/>, because the Functions host cannot resolve a <c>%setting%</c> whose name holds
/// "__" (azure-functions-host#10246): <c>%DurableVulns__TaskHub%</c> would reach the Durable extension
/// as it is and stop the start. Our tables take their names from the same setting.
/// </summary>
public static class FunctionsTaskHub
{
    public const string Setting = "DurableVulnsTaskHub";

    /// <summary>
    /// The hub that host.json names, for <c>DurableVulns:TaskHub</c> too. Throws when it is not set, or
    /// when <c>DurableVulns:TaskHub</c> names another hub (the tables and the workflows would part).
    /// </summary>
    public static string From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hub = configuration[Setting];
        if (string.IsNullOrWhiteSpace(hub))
            throw new InvalidOperationException($"Set the app setting {Setting}: host.json names the task hub by it, and our tables are named after it.");
        if (configuration["DurableVulns:TaskHub"] is { Length: > 0 } tables && tables != hub)
            throw new InvalidOperationException($"DurableVulns__TaskHub ('{tables}') and {Setting} ('{hub}') name different task hubs; on the Functions app set {Setting} only.");
        return hub;
    }
}
