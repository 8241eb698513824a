namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// External event names. Durable names never change once shipped: add a new name instead.
/// </summary>
public static class EventNames
{
    public const string Assessment = "Psirt.Assessment";
    public const string MiitSubmission = "Psirt.MiitSubmission";
    public const string PatchRelease = "Psirt.PatchRelease";
    public const string Close = "Psirt.Close";
}
