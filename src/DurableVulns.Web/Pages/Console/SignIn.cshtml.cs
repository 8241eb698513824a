using DurableVulns.Web.Console;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DurableVulns.Web.Pages.Console;

/// <summary>Sign-in: the configured users' form, or straight to the OpenID Connect provider when one is configured.</summary>
public sealed class SignInModel(LocalSignIn signIn, IOptionsSnapshot<ConsoleOptions> options) : PageModel
{
    public string Email { get; private set; } = "";

    public SignInOutcome? Failure { get; private set; }

    public IActionResult OnGet(string? returnUrl)
    {
        if (options.Value.Oidc.Enabled)
            return Challenge(new AuthenticationProperties { RedirectUri = LocalOrConsole(returnUrl) }, OpenIdConnectDefaults.AuthenticationScheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        if (options.Value.Oidc.Enabled) return BadRequest();
        var outcome = await signIn.SignInAsync(email, password, cancellationToken);
        if (outcome.Kind != SignInResultKind.SignedIn)
        {
            Email = email ?? "";
            Failure = outcome;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, outcome.Principal!);
        return LocalRedirect(LocalOrConsole(returnUrl));
    }

    private string LocalOrConsole(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/console";
}
