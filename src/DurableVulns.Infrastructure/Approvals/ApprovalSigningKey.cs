using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>Turns the configured signing key into bytes, or makes a per-process one when none is set.</summary>
public static partial class ApprovalSigningKey
{
    /// <summary>The configured key, or a random one (with a warning) when <see cref="ApprovalOptions.SigningKey"/> is empty.</summary>
    public static byte[] Resolve(ApprovalOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            LogEphemeralKey(logger, ApprovalOptions.Section);
            return RandomNumberGenerator.GetBytes(ApprovalTokenCodec.MinimumKeyBytes);
        }

        return Parse(options.SigningKey)
            ?? throw new InvalidOperationException($"{ApprovalOptions.Section}:SigningKey must be base64 of at least {ApprovalTokenCodec.MinimumKeyBytes} bytes.");
    }

    /// <summary>The key bytes of base64 text (either alphabet, padding optional), or null when it is not that or too short.</summary>
    public static byte[]? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = text.Trim().Replace('-', '+').Replace('_', '/');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var buffer = new byte[normalized.Length];
        return Convert.TryFromBase64String(normalized, buffer, out var written) && written >= ApprovalTokenCodec.MinimumKeyBytes
            ? buffer[..written]
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "{Section}:SigningKey is not set: approval links are signed with a random key of this process and stop working when it ends. Set the same key on every host in production.")]
    private static partial void LogEphemeralKey(ILogger logger, string section);
}
