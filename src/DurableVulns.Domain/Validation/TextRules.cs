using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace DurableVulns.Domain.Validation;

/// <summary>Checks shared by every request: required text, lengths, control characters, addresses.</summary>
public static partial class TextRules
{
    public const int MaxEmailLength = 254;

    [GeneratedRegex(@"^[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    /// <summary>Required single-line text of at most <paramref name="maxLength"/> characters.</summary>
    public static void RequireLine(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (!HasVisibleText(value)) { errors.Add(field, "is required."); return; }
        CheckLine(errors, field, value, maxLength);
    }

    /// <summary>Optional single-line text: when present, the same rules as a required one.</summary>
    public static void OptionalLine(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null) CheckLine(errors, field, value, maxLength);
    }

    /// <summary>Required text that may span lines (tabs and line breaks allowed, other control characters not).</summary>
    public static void RequireText(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (!HasVisibleText(value)) { errors.Add(field, "is required."); return; }
        CheckText(errors, field, value, maxLength);
    }

    /// <summary>Optional text that may span lines: when present, the same rules as a required one, except that it may be blank.</summary>
    public static void OptionalText(FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null) CheckText(errors, field, value, maxLength);
    }

    /// <summary>
    /// True when <paramref name="value"/> has a character a reader can see: not only white space,
    /// control characters and invisible format characters (a zero-width space, a byte-order mark or
    /// a tag character would otherwise pass for a required text). Read by code point, so that one
    /// outside the Basic Multilingual Plane is judged whole.
    /// </summary>
    public static bool HasVisibleText([NotNullWhen(true)] string? value) =>
        value is not null && value.EnumerateRunes().Any(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r) && Rune.GetUnicodeCategory(r) != UnicodeCategory.Format);

    /// <summary>A required e-mail address: one plain addr-spec with a dotted domain, no display name.</summary>
    public static void RequireEmail(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "is required."); return; }
        if (!IsEmail(value)) errors.Add(field, "must be a valid e-mail address.");
    }

    /// <summary>
    /// True for one plain address such as <c>liwei@lab.example.cn</c>. A '/' (legal in a local part)
    /// is refused: mail keys hold addresses as '/'-separated segments, which entries and log lines
    /// show with each address segment hidden.
    /// </summary>
    public static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '/')
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && string.IsNullOrEmpty(address.DisplayName)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    /// <summary>A required ISO 3166-1 alpha-2 country code in capitals, e.g. <c>CN</c>.</summary>
    public static void RequireCountry(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "is required."); return; }
        if (!CountryCode().IsMatch(value)) errors.Add(field, "must be an ISO 3166-1 alpha-2 code such as CN.");
    }

    private static void CheckText(FieldErrors errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength) errors.Add(field, $"must be at most {maxLength} characters.");
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors.Add(field, "must not contain control characters.");
    }

    private static void CheckLine(FieldErrors errors, string field, string value, int maxLength)
    {
        if (value.Length > maxLength) errors.Add(field, $"must be at most {maxLength} characters.");
        if (value.Any(char.IsControl)) errors.Add(field, "must be one line without control characters.");
    }
}
