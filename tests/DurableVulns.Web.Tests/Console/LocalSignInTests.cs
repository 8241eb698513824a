using DurableVulns.Web.Console;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Web.Tests.Console;

public sealed class LocalSignInTests
{
    private static readonly DateTime Now = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
    private readonly Mock<ISignInLockouts> lockouts = new();

    [Fact]
    public async Task SignInAsync_RightPassword_PrincipalWithRoleAndCountReset()
    {
        var outcome = await SignIn().SignInAsync("Lead@Acme.example", "right-password", default);

        Assert.Equal(SignInResultKind.SignedIn, outcome.Kind);
        Assert.True(outcome.Principal!.IsInRole(ConsoleRoles.Lead));
        Assert.Equal("lead@acme.example", outcome.Principal.Identity!.Name);
        lockouts.Verify(l => l.ResetAsync("Lead@Acme.example", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_FailureCounted()
    {
        var outcome = await SignIn().SignInAsync("lead@acme.example", "wrong", default);

        Assert.Equal(SignInResultKind.Failed, outcome.Kind);
        lockouts.Verify(l => l.RecordFailureAsync("lead@acme.example", Now, 5, TimeSpan.FromMinutes(15), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SignInAsync_UnknownAddress_FailedAndCountedLikeAKnownOne()
    {
        var outcome = await SignIn().SignInAsync("nobody@acme.example", "right-password", default);

        Assert.Equal(SignInResultKind.Failed, outcome.Kind);
        lockouts.Verify(l => l.RecordFailureAsync("nobody@acme.example", Now, 5, TimeSpan.FromMinutes(15), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SignInAsync_FifthFailureLocks_LockedOutWithItsEnd()
    {
        lockouts.Setup(l => l.RecordFailureAsync(It.IsAny<string>(), Now, 5, TimeSpan.FromMinutes(15), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Now.AddMinutes(15));

        var outcome = await SignIn().SignInAsync("lead@acme.example", "wrong", default);

        Assert.Equal(SignInResultKind.LockedOut, outcome.Kind);
        Assert.Equal(Now.AddMinutes(15), outcome.LockedUntilUtc);
    }

    [Fact]
    public async Task SignInAsync_LockedAccountRightPassword_StillLockedAndNothingChecked()
    {
        lockouts.Setup(l => l.LockedUntilAsync("lead@acme.example", Now, It.IsAny<CancellationToken>())).ReturnsAsync(Now.AddMinutes(3));

        var outcome = await SignIn().SignInAsync("lead@acme.example", "right-password", default);

        Assert.Equal(SignInResultKind.LockedOut, outcome.Kind);
        lockouts.Verify(l => l.ResetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("not-a-v3-hash")]
    [InlineData("")]
    public async Task SignInAsync_MalformedConfiguredHash_Failed(string hash)
    {
        var outcome = await SignIn(hash).SignInAsync("lead@acme.example", "right-password", default);

        Assert.Equal(SignInResultKind.Failed, outcome.Kind);
    }

    [Fact]
    public async Task SignInAsync_UnknownRole_Failed()
    {
        var outcome = await SignIn(role: "Admin").SignInAsync("lead@acme.example", "right-password", default);

        Assert.Equal(SignInResultKind.Failed, outcome.Kind);
    }

    private LocalSignIn SignIn(string? hash = null, string role = ConsoleRoles.Lead)
    {
        var options = new ConsoleOptions
        {
            Users = [new ConsoleUser { Email = "lead@acme.example", PasswordHash = hash ?? LocalSignIn.HashPassword("right-password"), Role = role }],
        };
        var monitor = Mock.Of<IOptionsMonitor<ConsoleOptions>>(m => m.CurrentValue == options);
        return new LocalSignIn(monitor, lockouts.Object, new FixedTime(Now));
    }

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
