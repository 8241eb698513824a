namespace DurableVulns.Workflows.Ports;

/// <summary>
/// The reporters' private tracking links. Only a hash of each token is stored, so a copy of the
/// table opens no case; one case may have several tokens (one per submission of its form).
/// </summary>
public interface ITrackingLinks
{
    /// <summary>Remembers that <paramref name="token"/> opens <paramref name="caseId"/>.</summary>
    Task AddAsync(string token, string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The case that <paramref name="token"/> opens, or null. Any string may be passed, malformed ones
    /// included; every one costs the same hash and the same single lookup, so timing tells nothing.
    /// </summary>
    Task<string?> FindCaseAsync(string token, CancellationToken cancellationToken = default);
}
