using System.Security.Claims;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Console;

/// <summary>
/// Signs in the console's configured users. Five failures in a row lock the account for some minutes,
/// counted in storage so that a restart does not reset them; unknown addresses are counted and
/// hashed like known ones, so neither the answer nor its time tells whether an address exists.
/// </summary>
public sealed class LocalSignIn(IOptionsMonitor<ConsoleOptions> options, ISignInLockouts lockouts, TimeProvider time)
{
    private static readonly PasswordHasher<ConsoleUser> Hasher = new();

    // Checked when the address is unknown, so that a miss costs one hash verification like a hit.
    private static readonly string DecoyHash = Hasher.HashPassword(new ConsoleUser(), Guid.NewGuid().ToString());

    // Attempts on one account are taken one at a time (striped by account), so that parallel
    // guesses cannot all pass the lock-out check before the first failure is counted.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The V3 hash to configure as a user's <c>PasswordHash</c>.</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(new ConsoleUser(), password);

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var account = (email ?? "").Trim();
        var stripe = Stripes[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(account) % (uint)Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            return await AttemptAsync(account, password, cancellationToken);
        }
        finally
        {
            stripe.Release();
        }
    }

    private async Task<SignInOutcome> AttemptAsync(string account, string? password, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        if (await lockouts.LockedUntilAsync(account, now, cancellationToken) is { } lockedUntil)
            return new SignInOutcome(SignInResultKind.LockedOut, LockedUntilUtc: lockedUntil);

        var user = settings.Users.FirstOrDefault(u => string.Equals(u.Email, account, StringComparison.OrdinalIgnoreCase) && ConsoleRoles.IsKnown(u.Role));
        var verified = Verify(user, password ?? "");
        if (user is null || !verified)
        {
            var locked = await lockouts.RecordFailureAsync(account, now, settings.LockoutFailures, settings.LockoutDuration, cancellationToken);
            return locked is null ? new SignInOutcome(SignInResultKind.Failed) : new SignInOutcome(SignInResultKind.LockedOut, LockedUntilUtc: locked);
        }

        await lockouts.ResetAsync(account, cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Email), new Claim(ClaimTypes.Email, user.Email), new Claim(ClaimTypes.Role, user.Role),
                new Claim(LocalSessionCheck.CredentialClaim, LocalSessionCheck.Fingerprint(user))],
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new SignInOutcome(SignInResultKind.SignedIn, new ClaimsPrincipal(identity));
    }

    private static bool Verify(ConsoleUser? user, string password)
    {
        try
        {
            var result = Hasher.VerifyHashedPassword(user ?? new ConsoleUser(), user?.PasswordHash ?? DecoyHash, password);
            return user is not null && result != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            // A configured hash that is not a V3 hash signs nobody in.
            return false;
        }
    }
}
