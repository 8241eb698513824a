using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;

namespace DurableVulns.Infrastructure.Mail;

/// <summary>
/// Refuses to start without a PSIRT address: the MIIT clock's reminders and escalations
/// (Art. 7(2)) would otherwise go to nobody, and each case would only say "sent to 0 addresses".
/// A malformed address is refused too, rather than found at the first deadline.
/// </summary>
public sealed class PsirtOptionsValidator : IValidateOptions<PsirtOptions>
{
    public ValidateOptionsResult Validate(string? name, PsirtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AddressListRule.Check(failures, $"{PsirtOptions.Section}:Addresses", options.Addresses,
            requiredBecause: "they get the MIIT clock's reminders and escalations.");
        AddressListRule.Check(failures, $"{PsirtOptions.Section}:AffectedUserAddresses", options.AffectedUserAddresses);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
