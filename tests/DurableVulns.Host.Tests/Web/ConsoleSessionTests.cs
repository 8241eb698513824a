using System.Net;
using DurableVulns.Testing;
using DurableVulns.Web.Console;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableVulns.Host.Tests.Web;

/// <summary>
/// A console session follows the configured users: a change there (as a reload of the settings
/// brings it) applies at the session's next request, not when its cookie runs out. A host of its own,
/// since the tests change its users.
/// </summary>
public sealed class ConsoleSessionTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task Console_LeadMadeAnalystAfterSignIn_SignedOutAtTheNextRequest()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        await tab.SignInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword);
        var (before, _) = await tab.GetAsync("/console");

        // Act
        using var change = Configure(user => user.Email == ConsoleHost.LeadEmail ? ConsoleRoles.Analyst : user.Role);
        var (after, _) = await tab.GetAsync("/console");

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/console/sign-in", tab.LocalTarget(after), StringComparison.Ordinal);
        Assert.Contains(PageClient.SetCookies(after, "dv-console="), cookie => cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Console_SettingsReloadedUnchanged_StaysSignedIn()
    {
        // Arrange
        using var tab = new PageClient(host.Tab());
        await tab.SignInAsync(ConsoleHost.LeadEmail, ConsoleHost.LeadPassword);

        // Act
        using var change = Configure(user => user.Role);
        var (after, _) = await tab.GetAsync("/console");

        // Assert
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>Puts a copy of the console's users, each with the role <paramref name="role"/> gives it, in force until disposed.</summary>
    private OptionsChange Configure(Func<ConsoleUser, string> role)
    {
        var cache = host.Services.GetRequiredService<IOptionsMonitorCache<ConsoleOptions>>();
        var current = host.Services.GetRequiredService<IOptionsMonitor<ConsoleOptions>>().CurrentValue;
        var changed = new ConsoleOptions
        {
            Users = [.. current.Users.Select(u => new ConsoleUser { Email = u.Email, PasswordHash = u.PasswordHash, Role = role(u) })],
            Oidc = current.Oidc,
            LockoutFailures = current.LockoutFailures,
            LockoutDuration = current.LockoutDuration,
            PageSize = current.PageSize,
        };
        cache.TryRemove(Options.DefaultName);
        cache.TryAdd(Options.DefaultName, changed);
        return new OptionsChange(cache, current);
    }

    private sealed class OptionsChange(IOptionsMonitorCache<ConsoleOptions> cache, ConsoleOptions original) : IDisposable
    {
        public void Dispose()
        {
            cache.TryRemove(Options.DefaultName);
            cache.TryAdd(Options.DefaultName, original);
        }
    }
}
