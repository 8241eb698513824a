namespace DurableVulns.Domain.Reports;

/// <summary>The network product the report is about; name, model and version go to MIIT (Art. 7(2)).</summary>
public sealed record Product(string Vendor, string Name, string? Model, string Version);
