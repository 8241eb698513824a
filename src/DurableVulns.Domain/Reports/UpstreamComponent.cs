namespace DurableVulns.Domain.Reports;

/// <summary>A component made by another provider, who must be told at once (Art. 7(1)).</summary>
public sealed record UpstreamComponent(string Name, string ProviderEmail);
