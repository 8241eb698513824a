using DurableVulns.Domain.Disclosure;
using DurableVulns.Infrastructure.Mail;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// Refuses to start without a MIIT and an MPS reviewer: an early disclosure needs both to sign off
/// (Art. 9(1)), so without either every request would only wait for its timeout.
/// A malformed address is refused too, rather than found when a review is asked for, and so is an
/// address on both lists: one person could then give both sign-offs.
/// </summary>
public sealed class ReviewerOptionsValidator : IValidateOptions<ReviewerOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string why = "an early disclosure needs the sign-off of both MIIT and MPS reviewers.";
        AddressListRule.Check(failures, $"{ReviewerOptions.Section}:MIIT", options.MIIT, requiredBecause: why);
        AddressListRule.Check(failures, $"{ReviewerOptions.Section}:MPS", options.MPS, requiredBecause: why);
        var onBoth = options.MIIT.Where(a => !string.IsNullOrWhiteSpace(a) && options.Lists(ReviewerRole.MPS, a)).Select(a => a.Trim());
        foreach (var both in onBoth.Distinct(StringComparer.OrdinalIgnoreCase))
            failures.Add($"{ReviewerOptions.Section}: {both} is both a MIIT and an MPS reviewer; the two sign-offs must come from two people.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
