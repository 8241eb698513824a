namespace DurableVulns.Web.Console;

/// <summary>OpenID Connect sign-in (Entra ID or any other provider); when <see cref="Authority"/> is set it replaces local users.</summary>
public sealed class ConsoleOidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The token claim that carries the app roles <c>Analyst</c> and <c>Lead</c> (Entra ID: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
