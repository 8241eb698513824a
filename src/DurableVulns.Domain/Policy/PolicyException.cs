namespace DurableVulns.Domain.Policy;

/// <summary>A workflow policy that cannot be used; <see cref="Key"/> names the offending key.</summary>
public sealed class PolicyException(string key, string message)
    : Exception($"Workflow policy key '{key}': {message}")
{
    /// <summary>The JSON path of the bad key, e.g. <c>miitSubmission.reminders[1]</c>.</summary>
    public string Key { get; } = key;
}
