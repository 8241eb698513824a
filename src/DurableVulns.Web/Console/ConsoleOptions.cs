namespace DurableVulns.Web.Console;

/// <summary>Configuration section <c>DurableVulns:Console</c>: who may sign in to the PSIRT console, and how.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "DurableVulns:Console";

    /// <summary>Local users; ignored when <see cref="ConsoleOidcOptions.Authority"/> is set.</summary>
    public List<ConsoleUser> Users { get; set; } = [];

    public ConsoleOidcOptions Oidc { get; set; } = new();

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int LockoutFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cases per page of the case list.</summary>
    public int PageSize { get; set; } = 50;
}
