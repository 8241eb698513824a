using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Console;

/// <summary>
/// Checks a local console session against the configured users on every request. A user taken out
/// of <c>DurableVulns:Console:Users</c>, given another role, or given a new password is signed out at
/// once, instead of keeping the rights of the sign-in for the cookie's life (8 hours, renewed while
/// in use): a former Lead must not close cases or publish (Art. 4, 11).
/// </summary>
public sealed class LocalSessionCheck(IOptionsMonitor<ConsoleOptions> options)
{
    /// <summary>The claim that ties a session to the password it was opened with.</summary>
    public const string CredentialClaim = "dv:credential";

    /// <summary>Part of a hash of the user's configured password hash: it changes when the password does.</summary>
    public static string Fingerprint(ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash)))[..16];
    }

    /// <summary>True while the configured users still hold this session's user, with its role and password.</summary>
    public bool IsCurrent(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var email = principal.FindFirst(ClaimTypes.Email)?.Value;
        // The user sign-in would find: the first with this address and a known role.
        var user = options.CurrentValue.Users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase) && ConsoleRoles.IsKnown(u.Role));
        return user is not null
            && principal.FindFirst(ClaimTypes.Role)?.Value == user.Role
            && principal.FindFirst(CredentialClaim)?.Value == Fingerprint(user);
    }

    /// <summary>The cookie's validation event: a session that is no longer current is rejected and its cookie removed.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is { } principal && IsCurrent(principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
