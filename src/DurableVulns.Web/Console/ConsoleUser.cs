namespace DurableVulns.Web.Console;

/// <summary>A local console user: the password is kept only as an ASP.NET Core Identity V3 hash.</summary>
public sealed class ConsoleUser
{
    public string Email { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary><see cref="ConsoleRoles.Analyst"/> or <see cref="ConsoleRoles.Lead"/>.</summary>
    public string Role { get; set; } = "";
}
