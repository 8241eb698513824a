using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;
using DurableVulns.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Web.Portal;

/// <summary>
/// A posted form's values and the validators' errors, both by the field's JSON path (<c>reporter.email</c>),
/// so that a page shows each error beside its field and keeps what was typed.
/// </summary>
public sealed class FormFields
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public static FormFields From(IFormCollection form)
    {
        var fields = new FormFields();
        foreach (var (key, value) in form) fields.values[key] = value.ToString();
        return fields;
    }

    public bool HasErrors => errors.Count > 0;

    /// <summary>The value as typed, or empty.</summary>
    public string this[string field] => values.TryGetValue(field, out var value) ? value : "";

    /// <summary>The value, or null when left empty (optional fields).</summary>
    public string? Optional(string field) => string.IsNullOrWhiteSpace(this[field]) ? null : this[field];

    /// <summary>
    /// The optional upstream component of the <c>upstreamComponent.name</c> and <c>.providerEmail</c>
    /// fields: null when both are empty; with one of them empty, the validator names the missing one.
    /// </summary>
    public UpstreamComponent? UpstreamComponent()
    {
        var name = Optional("upstreamComponent.name");
        var email = Optional("upstreamComponent.providerEmail");
        return name is null && email is null ? null : new UpstreamComponent(name?.Trim() ?? "", email?.Trim() ?? "");
    }

    /// <summary>
    /// The field's errors in the page's language, and those of its items (<c>recipients[1].country</c>)
    /// numbered from 1 for the reader.
    /// </summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
    [
        .. (errors.TryGetValue(field, out var messages) ? messages : []).Select(ValidationText.Of),
        .. errors.Where(e => e.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .SelectMany(e => e.Value.Select(m => $"({ItemLabel(field, e.Key)}) {ValidationText.Of(m)}")),
    ];

    /// <summary>Errors whose field has no input on the form (the whole object, say).</summary>
    public IEnumerable<string> ErrorsOtherThan(IReadOnlyCollection<string> shownFields) =>
        errors.Where(e => !shownFields.Any(f => e.Key == f || e.Key.StartsWith(f + "[", StringComparison.Ordinal))).SelectMany(e => e.Value).Select(ValidationText.Of);

    // "recipients[1].country" → "2 country": people count from one.
    private static string ItemLabel(string field, string key)
    {
        var rest = key[(field.Length + 1)..];
        var close = rest.IndexOf(']');
        var index = int.TryParse(rest[..close], out var i) ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : rest[..close];
        return (index + " " + rest[(close + 1)..].TrimStart('.')).Trim();
    }

    public void Set(string field, string value) => values[field] = value;

    public void AddErrors(FieldErrors fieldErrors)
    {
        foreach (var (field, messages) in fieldErrors.ToDictionary()) Append(field, messages);
    }

    public void AddError(string field, string message) => Append(field, [message]);

    private void Append(string field, IEnumerable<string> messages) =>
        errors[field] = [.. errors.TryGetValue(field, out var existing) ? existing : [], .. messages];
}
