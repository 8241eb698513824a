using DurableVulns.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Tests;

public sealed class WebServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddDurableVulnsWeb_OidcAuthoritySet_ChallengesWithOpenIdConnectAndRolesFromTheToken()
    {
        using var services = Build(new()
        {
            ["DurableVulns:Console:Oidc:Authority"] = "https://login.microsoftonline.com/tenant/v2.0",
            ["DurableVulns:Console:Oidc:ClientId"] = "client-id",
        });

        var challenge = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultChallengeSchemeAsync();
        var openId = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, challenge!.Name);
        Assert.Equal("https://login.microsoftonline.com/tenant/v2.0", openId.Authority);
        Assert.Equal("client-id", openId.ClientId);
        Assert.Equal("code", openId.ResponseType);
        Assert.Equal("roles", openId.TokenValidationParameters.RoleClaimType);
        Assert.Equal("/console/signin-oidc", openId.CallbackPath.Value);
        // The provider's post back is cross-site: a Strict cookie would not come back with it.
        Assert.Equal(SameSiteMode.Lax, cookie.Cookie.SameSite);
        // The provider's roles are read at sign-in: the session ends 8 hours after it, renewed by nothing.
        Assert.False(cookie.SlidingExpiration);
        Assert.Equal(TimeSpan.FromHours(8), cookie.ExpireTimeSpan);
        Assert.Same(new CookieAuthenticationEvents().OnValidatePrincipal, cookie.Events.OnValidatePrincipal);
    }

    [Fact]
    public async Task AddDurableVulnsWeb_NoAuthority_LocalSignInWithStrictSecureCookie()
    {
        using var services = Build([]);

        var challenge = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultChallengeSchemeAsync();
        var schemes = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(CookieAuthenticationDefaults.AuthenticationScheme, challenge!.Name);
        Assert.DoesNotContain(schemes, s => s.Name == OpenIdConnectDefaults.AuthenticationScheme);
        Assert.Equal("/console/sign-in", cookie.LoginPath.Value);
        Assert.Equal(SameSiteMode.Strict, cookie.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.Always, cookie.Cookie.SecurePolicy);
        Assert.True(cookie.Cookie.HttpOnly);
        // Local sessions slide, and are checked against the configured users on every request.
        Assert.True(cookie.SlidingExpiration);
        Assert.NotSame(new CookieAuthenticationEvents().OnValidatePrincipal, cookie.Events.OnValidatePrincipal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddDurableVulnsWeb(configuration);
        return services.BuildServiceProvider();
    }
}
