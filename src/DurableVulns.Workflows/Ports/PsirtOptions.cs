namespace DurableVulns.Workflows.Ports;

/// <summary>
/// Configuration section <c>DurableVulns:Psirt</c>: who gets MIIT-clock reminders and
/// escalations, and who gets the affected-user notice when a fix ships.
/// </summary>
public sealed class PsirtOptions
{
    public const string Section = "DurableVulns:Psirt";

    public List<string> Addresses { get; set; } = [];

    /// <summary>Product users and downstream vendors (Art. 7(3)); the PSIRT addresses when empty.</summary>
    public List<string> AffectedUserAddresses { get; set; } = [];
}
