using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// Refuses a malformed signing key or base URL at start-up rather than at the first mail. Outside
/// Development it also refuses what only suits a laptop: no signing key (each process would sign
/// with its own, so links die with it, or on another instance), and a base URL that is plain http
/// (a link is a bearer credential, so it must not cross the network in clear) or a loopback address
/// (the default, which no reviewer can reach).
/// </summary>
public sealed class ApprovalOptionsValidator(IHostEnvironment environment) : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && ApprovalSigningKey.Parse(options.SigningKey) is null)
        {
            failures.Add($"{ApprovalOptions.Section}:SigningKey must be base64 of at least {ApprovalTokenCodec.MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`).");
        }
        else if (string.IsNullOrWhiteSpace(options.SigningKey) && !environment.IsDevelopment())
        {
            failures.Add($"{ApprovalOptions.Section}:SigningKey must be set outside Development, the same on every host (e.g. `openssl rand -base64 32`).");
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || !IsBaseUrl(uri))
        {
            failures.Add($"{ApprovalOptions.Section}:PublicBaseUrl must be an absolute http or https URL without query or fragment.");
        }
        else if (!environment.IsDevelopment() && (uri.Scheme != Uri.UriSchemeHttps || uri.IsLoopback))
        {
            failures.Add($"{ApprovalOptions.Section}:PublicBaseUrl must be an https address that reviewers reach outside Development, not '{options.PublicBaseUrl}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBaseUrl(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
