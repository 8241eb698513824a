using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DurableVulns.Web.Console;
using DurableVulns.Web.Localization;
using DurableVulns.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.WebEncoders;

namespace DurableVulns.Web;

/// <summary>
/// Registers the reporter portal and the PSIRT console: Razor Pages, the console's cookie sign-in
/// (local users, or OpenID Connect when an authority is configured), roles, and the two languages.
/// </summary>
public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddDurableVulnsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsoleOptions>(configuration.GetSection(ConsoleOptions.Section));
        services.AddSingleton<LocalSignIn>();
        services.AddSingleton<LocalSessionCheck>();
        services.AddRouting(routing => routing.LowercaseUrls = true);
        // Chinese text stays text in the HTML (still encoded where markup needs it).
        services.Configure<WebEncoderOptions>(encoder => encoder.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Console", ConsoleRoles.StaffPolicy);
            pages.Conventions.AllowAnonymousToPage("/Console/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Console/Denied");
            pages.Conventions.AllowAnonymousToPage("/Console/SignOut");
            pages.Conventions.ConfigureFilter(new UnknownHandlerIsNotFound());
        });
        services.Configure<RequestLocalizationOptions>(localization =>
        {
            localization.SetDefaultCulture(Lang.Chinese).AddSupportedCultures(Lang.Chinese, Lang.English).AddSupportedUICultures(Lang.Chinese, Lang.English);
            localization.RequestCultureProviders.Clear();
            localization.RequestCultureProviders.Add(new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider { CookieName = Lang.CookieName });
            localization.RequestCultureProviders.Add(new Microsoft.AspNetCore.Localization.AcceptLanguageHeaderRequestCultureProvider());
        });

        // Cookies: HttpOnly and SameSite=Strict always; Secure everywhere but Development.
        services.AddOptions<AntiforgeryOptions>().Configure<IHostEnvironment>((antiforgery, environment) =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = SecurePolicy(environment);
        });

        var oidc = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>()?.Oidc ?? new ConsoleOidcOptions();
        var authentication = services.AddAuthentication(auth =>
        {
            auth.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            auth.DefaultChallengeScheme = oidc.Enabled ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        }).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<IHostEnvironment>((cookie, environment) =>
        {
            cookie.Cookie.Name = "dv-console";
            cookie.Cookie.HttpOnly = true;
            // Strict, except after an OpenID Connect sign-in: the provider's form post back is a
            // cross-site navigation, and a Strict cookie would not come back with it (a sign-in loop).
            // Anti-forgery still guards every form.
            cookie.Cookie.SameSite = oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = SecurePolicy(environment);
            cookie.LoginPath = "/console/sign-in";
            cookie.LogoutPath = "/console/sign-out";
            cookie.AccessDeniedPath = "/console/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            if (oidc.Enabled)
            {
                // The provider's roles are read at sign-in only: a session ends 8 hours after it, and
                // the next sign-in takes the roles the provider gives then.
                cookie.SlidingExpiration = false;
            }
            else
            {
                // Local users are checked against the configuration on every request.
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<LocalSessionCheck>().ValidateAsync(context);
            }
        });
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(openId =>
            {
                openId.Authority = oidc.Authority;
                openId.ClientId = oidc.ClientId;
                openId.ClientSecret = oidc.ClientSecret;
                openId.ResponseType = "code";
                openId.CallbackPath = "/console/signin-oidc";
                openId.SignedOutCallbackPath = "/console/signout-callback-oidc";
                openId.Scope.Add("email");
                openId.TokenValidationParameters.NameClaimType = "preferred_username";
                openId.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
                openId.MapInboundClaims = false;
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleRoles.StaffPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Analyst, ConsoleRoles.Lead));
        return services;
    }

    /// <summary>The signed-in staff member as written in audit entries.</summary>
    public static string StaffName(this ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.Email)?.Value ?? user.FindFirst("email")?.Value ?? user.Identity?.Name ?? "unknown";

    private static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
