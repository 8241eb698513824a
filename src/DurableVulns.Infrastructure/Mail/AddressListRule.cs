using DurableVulns.Domain.Validation;

namespace DurableVulns.Infrastructure.Mail;

/// <summary>The start-up check of a configured list of mail recipients.</summary>
internal static class AddressListRule
{
    /// <summary>
    /// Adds a failure for each entry of <paramref name="addresses"/> that is not one plain address,
    /// and for an empty list when <paramref name="requiredBecause"/> says why one is needed;
    /// <paramref name="setting"/> names the list.
    /// </summary>
    public static void Check(List<string> failures, string setting, IReadOnlyList<string> addresses, string? requiredBecause = null)
    {
        if (requiredBecause is not null && addresses.Count == 0) failures.Add($"{setting} needs at least one address: {requiredBecause}");
        for (var i = 0; i < addresses.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(addresses[i]) || !TextRules.IsEmail(addresses[i]))
                failures.Add($"{setting}:{i} must be one plain e-mail address (no display name, no '/').");
        }
    }
}
