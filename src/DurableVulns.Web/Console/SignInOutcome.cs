using System.Security.Claims;

namespace DurableVulns.Web.Console;

/// <summary>The end of a sign-in attempt: the signed-in principal, or why not (and until when, when locked).</summary>
public sealed record SignInOutcome(SignInResultKind Kind, ClaimsPrincipal? Principal = null, DateTime? LockedUntilUtc = null);
