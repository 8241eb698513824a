using System.Security.Cryptography;
using System.Text;

namespace DurableVulns.Domain.Rules;

/// <summary>The one way free-form keys (mail keys, idempotency keys) are hashed, wherever they are stored.</summary>
public static class TextHash
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="value"/> as UTF-8.</summary>
    public static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
