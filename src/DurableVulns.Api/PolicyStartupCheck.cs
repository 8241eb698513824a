using DurableVulns.Domain.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace DurableVulns.Api;

/// <summary>
/// Loads the workflow policy before a host takes any report: a malformed policy stops the
/// host at start-up, with a message naming the bad key.
/// </summary>
public static class PolicyStartupCheck
{
    /// <summary>True when the policy loads; otherwise says why on standard error.</summary>
    public static async Task<bool> PolicyLoadsAsync(this IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<PolicyProvider>().Current;
            return true;
        }
        catch (PolicyException ex)
        {
            await Console.Error.WriteLineAsync($"DurableVulns cannot start: {ex.Message}");
            return false;
        }
    }
}
