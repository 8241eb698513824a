using DurableVulns.Domain.Policy;
using Microsoft.Extensions.Options;

namespace DurableVulns.Api;

/// <summary>
/// The policy new cases start with, loaded once at start-up: a malformed file stops the
/// host there, with the bad key named, rather than at the first report.
/// </summary>
public sealed class PolicyProvider(IOptions<ApiOptions> options)
{
    private readonly Lazy<WorkflowPolicy> policy = new(() => PolicyLoader.LoadFile(Resolve(options.Value.PolicyFile)));

    public WorkflowPolicy Current => policy.Value;

    // A relative path means the working directory's copy when there is one (an operator's
    // edit), else the copy shipped beside the binaries.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path)) return Path.GetFullPath(path);
        return Path.Combine(AppContext.BaseDirectory, path);
    }
}
