using DurableVulns.Web.Localization;
using DurableVulns.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Hosting;

namespace DurableVulns.Web;

/// <summary>The web pages' middleware and endpoints, in the order they must run.</summary>
public static class WebApplicationExtensions
{
    /// <summary>Before the endpoints: security headers, the request's language, authentication.</summary>
    public static WebApplication UseDurableVulnsWeb(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<HttpsOnlyPages>();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapDurableVulnsWeb(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapDurableVulnsAssets();
        app.MapGet("/", () => Results.Redirect("/report"));
        // The language switch on every page: remembers the choice and goes back to the same page.
        app.MapGet("/lang/{code}", (string code, string? back, HttpContext http, IHostEnvironment environment) =>
        {
            var culture = code == "en" ? Lang.English : Lang.Chinese;
            http.Response.Cookies.Append(Lang.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = !environment.IsDevelopment(),
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Results.LocalRedirect(IsLocalPath(back) ? back! : "/");
        });
        return app;
    }

    private static bool IsLocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl);
}
