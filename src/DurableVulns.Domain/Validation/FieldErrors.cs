namespace DurableVulns.Domain.Validation;

/// <summary>Validation messages by field, keyed by the field's JSON path (e.g. <c>reporter.email</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
        messages.Add(message);
    }

    /// <summary>The shape RFC 7807 validation problems carry in their <c>errors</c> member.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
