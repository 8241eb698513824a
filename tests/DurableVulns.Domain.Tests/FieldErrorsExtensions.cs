using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests;

/// <summary>Reads validation results in assertions.</summary>
internal static class FieldErrorsExtensions
{
    /// <summary>The fields with errors, in ordinal order.</summary>
    public static IReadOnlyList<string> Fields(this FieldErrors errors) =>
        [.. errors.ToDictionary().Keys.Order(StringComparer.Ordinal)];
}
