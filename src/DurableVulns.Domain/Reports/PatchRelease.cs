namespace DurableVulns.Domain.Reports;

/// <summary>The released fix: the version that has it and the fix or mitigation text (Art. 7(3)).</summary>
public sealed record PatchRelease(string FixedVersion, string Fix);
