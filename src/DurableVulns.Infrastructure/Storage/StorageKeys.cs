using DurableVulns.Domain.Rules;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>Turns free-form keys into row keys that Table storage accepts.</summary>
public static class StorageKeys
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="value"/>.</summary>
    public static string Hash(string value) => TextHash.Sha256Hex(value);

    /// <summary>True when <paramref name="key"/> can be a partition or row key as it is.</summary>
    public static bool IsSafe(string key) =>
        key.Length is > 0 and <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
