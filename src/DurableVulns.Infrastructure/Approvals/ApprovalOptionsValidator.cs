using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>Refuses a malformed signing key or base URL at start-up rather than at the first mail.</summary>
public sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey) && ApprovalSigningKey.Parse(options.SigningKey) is null)
        {
            failures.Add($"{ApprovalOptions.Section}:SigningKey must be base64 of at least {ApprovalTokenCodec.MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`).");
        }

        if (!IsBaseUrl(options.PublicBaseUrl))
        {
            failures.Add($"{ApprovalOptions.Section}:PublicBaseUrl must be an absolute http or https URL without query or fragment.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
