namespace DurableVulns.Web.Console;

/// <summary>How a local sign-in attempt ended.</summary>
public enum SignInResultKind
{
    SignedIn,

    /// <summary>Wrong e-mail or password (the page does not say which).</summary>
    Failed,

    /// <summary>Too many failures in a row: no password is checked until the lock-out ends.</summary>
    LockedOut,
}
