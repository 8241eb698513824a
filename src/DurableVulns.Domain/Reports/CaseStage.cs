namespace DurableVulns.Domain.Reports;

/// <summary>Where a case stands. The MIIT clock runs beside these stages, not as one of them.</summary>
public enum CaseStage
{
    /// <summary>Intake accepted; awaiting verification and assessment.</summary>
    Received,

    /// <summary>Assessed; remediation under way.</summary>
    Assessed,

    /// <summary>Fix released and users told; awaiting publication or closure.</summary>
    PatchReleased,

    /// <summary>Done; the orchestration has ended.</summary>
    Closed,
}
