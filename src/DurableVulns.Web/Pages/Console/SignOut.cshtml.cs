using DurableVulns.Web.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Pages.Console;

/// <summary>
/// Signs out (POST only, with the anti-forgery token of the layout's form), open to anyone signed in,
/// a user without a console role too. With OpenID Connect, the provider's session ends as well, or the
/// sign-in page would sign the user straight back in.
/// </summary>
public sealed class SignOutModel(IOptionsSnapshot<ConsoleOptions> options) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public IActionResult OnPost() => options.Value.Oidc.Enabled
        ? SignOut(new AuthenticationProperties { RedirectUri = "/report" }, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme)
        : SignOut(new AuthenticationProperties { RedirectUri = "/console/sign-in" }, CookieAuthenticationDefaults.AuthenticationScheme);
}
