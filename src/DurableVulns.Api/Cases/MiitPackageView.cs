using DurableVulns.Domain.Reports;

namespace DurableVulns.Api.Cases;

/// <summary>The Art. 7(2) submission package with whether it is complete yet.</summary>
public sealed record MiitPackageView(string Id, MiitPackage Package, bool Complete, IReadOnlyList<string> MissingFields);
