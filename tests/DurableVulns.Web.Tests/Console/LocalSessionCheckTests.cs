using System.Security.Claims;
using DurableVulns.Web.Console;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Web.Tests.Console;

public sealed class LocalSessionCheckTests
{
    private const string Email = "lead@acme.example";
    private static readonly string Hash = LocalSignIn.HashPassword("right-password");

    [Fact]
    public async Task IsCurrent_UserUnchanged_True()
    {
        // Arrange
        var session = await SignedInAsync();

        // Act
        var current = Check(new ConsoleUser { Email = "Lead@Acme.example", PasswordHash = Hash, Role = ConsoleRoles.Lead }).IsCurrent(session);

        // Assert
        Assert.True(current);
    }

    [Fact]
    public async Task IsCurrent_UserRemoved_False()
    {
        // Arrange
        var session = await SignedInAsync();

        // Act
        var current = Check(new ConsoleUser { Email = "analyst@acme.example", PasswordHash = Hash, Role = ConsoleRoles.Analyst }).IsCurrent(session);

        // Assert
        Assert.False(current);
    }

    [Fact]
    public async Task IsCurrent_LeadMadeAnalyst_False()
    {
        // Arrange
        var session = await SignedInAsync();

        // Act
        var current = Check(new ConsoleUser { Email = Email, PasswordHash = Hash, Role = ConsoleRoles.Analyst }).IsCurrent(session);

        // Assert
        Assert.False(current);
    }

    [Fact]
    public async Task IsCurrent_PasswordChanged_False()
    {
        // Arrange
        var session = await SignedInAsync();

        // Act
        var current = Check(new ConsoleUser { Email = Email, PasswordHash = LocalSignIn.HashPassword("new-password"), Role = ConsoleRoles.Lead }).IsCurrent(session);

        // Assert
        Assert.False(current);
    }

    [Fact]
    public void IsCurrent_SessionWithoutCredentialClaim_False()
    {
        // Arrange: a cookie issued before sessions carried the claim.
        var session = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, Email), new Claim(ClaimTypes.Email, Email), new Claim(ClaimTypes.Role, ConsoleRoles.Lead)], "Cookies"));

        // Act
        var current = Check(new ConsoleUser { Email = Email, PasswordHash = Hash, Role = ConsoleRoles.Lead }).IsCurrent(session);

        // Assert
        Assert.False(current);
    }

    private static async Task<ClaimsPrincipal> SignedInAsync()
    {
        var user = new ConsoleUser { Email = Email, PasswordHash = Hash, Role = ConsoleRoles.Lead };
        var signIn = new LocalSignIn(Monitor(user), Mock.Of<ISignInLockouts>(), TimeProvider.System);
        var outcome = await signIn.SignInAsync(Email, "right-password", default);
        Assert.Equal(SignInResultKind.SignedIn, outcome.Kind);
        return outcome.Principal!;
    }

    private static LocalSessionCheck Check(ConsoleUser configured) => new(Monitor(configured));

    private static IOptionsMonitor<ConsoleOptions> Monitor(ConsoleUser user)
    {
        var options = new ConsoleOptions { Users = [user] };
        return Mock.Of<IOptionsMonitor<ConsoleOptions>>(m => m.CurrentValue == options);
    }
}
