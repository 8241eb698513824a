namespace DurableVulns.Web.Console;

/// <summary>The console's roles and the authorization policies built on them.</summary>
public static class ConsoleRoles
{
    /// <summary>Acts on cases: assessment, NVDB receipt, patch, early-disclosure request.</summary>
    public const string Analyst = nameof(Analyst);

    /// <summary>Everything an analyst does, and also closes cases and publishes advisories.</summary>
    public const string Lead = nameof(Lead);

    /// <summary>Policy: any signed-in staff member.</summary>
    public const string StaffPolicy = "Staff";

    public static bool IsKnown(string? role) => role is Analyst or Lead;
}
