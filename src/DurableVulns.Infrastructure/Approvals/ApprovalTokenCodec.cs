using DurableVulns.Domain.Rules;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Approvals;

/// <summary>
/// Makes and checks approval tokens: <c>base64url(payload) "." base64url(HMAC-SHA256(key, payload))</c>.
/// Payload v1, big-endian: version (1 byte), nonce (16 random bytes), role (1), decision (1: 1 approve,
/// 0 reject), expiry (8, unix seconds), reviewer tag (16), then case id and review id, each as one
/// length byte and UTF-8. Pure: no clock and no storage, so that it can be tested alone.
/// </summary>
public sealed class ApprovalTokenCodec
{
    public const byte Version = 1;
    public const int NonceBytes = 16;
    public const int ReviewerTagBytes = 16;
    public const int MinimumKeyBytes = 32;
    public const int MaxIdBytes = byte.MaxValue;

    private const int MacBytes = 32;
    private const int FixedBytes = 1 + NonceBytes + 1 + 1 + 8 + ReviewerTagBytes;
    private const int MacChars = 43; // base64url of 32 bytes, unpadded
    private const int MaxPayloadBytes = FixedBytes + 2 * (1 + MaxIdBytes);

    // Strict: a payload with invalid UTF-8 is refused rather than read with replacement characters.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] macKey;
    private readonly byte[] reviewerKey;

    public ApprovalTokenCodec(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes) throw new ArgumentException($"The signing key must have at least {MinimumKeyBytes} bytes.", nameof(key));
        // Separate keys for separate purposes, both from the one configured secret.
        macKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.ToArray(), 32, info: "DurableVulns approval token MAC v1"u8.ToArray());
        reviewerKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.ToArray(), 32, info: "DurableVulns approval reviewer tag v1"u8.ToArray());
    }

    /// <summary>Longest token <see cref="Decode"/> looks at; anything longer is refused unread.</summary>
    public static int MaxTokenLength => Base64Url.GetEncodedLength(MaxPayloadBytes) + 1 + MacChars;

    /// <summary>Fresh claims (new random nonce) for one decision of a grant.</summary>
    public ApprovalTokenClaims Create(ApprovalGrant grant, bool approve)
    {
        ArgumentNullException.ThrowIfNull(grant);
        CheckId(grant.CaseId, nameof(grant.CaseId));
        CheckId(grant.ReviewId, nameof(grant.ReviewId));
        ArgumentException.ThrowIfNullOrWhiteSpace(grant.Reviewer, nameof(grant));
        if (!Enum.IsDefined(grant.Role)) throw new ArgumentException("Unknown reviewer role.", nameof(grant));
        var expires = new DateTimeOffset(UtcTime.AsUtc(grant.ExpiresAtUtc)).ToUnixTimeSeconds();
        if (expires <= 0) throw new ArgumentOutOfRangeException(nameof(grant), "The grant needs a real expiry.");

        return new ApprovalTokenClaims(
            RandomNumberGenerator.GetBytes(NonceBytes),
            grant.CaseId,
            grant.ReviewId,
            grant.Role,
            ReviewerTag(grant.Reviewer),
            approve,
            expires);
    }

    public string Encode(ApprovalTokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Nonce.Length != NonceBytes) throw new ArgumentException($"The nonce must have {NonceBytes} bytes.", nameof(claims));
        if (claims.ReviewerTag.Length != ReviewerTagBytes) throw new ArgumentException($"The reviewer tag must have {ReviewerTagBytes} bytes.", nameof(claims));
        CheckId(claims.CaseId, nameof(claims.CaseId));
        CheckId(claims.ReviewId, nameof(claims.ReviewId));
        if (claims.ExpiresAtUnixSeconds < 0) throw new ArgumentOutOfRangeException(nameof(claims), "The expiry must not be before 1970.");

        var caseId = Utf8.GetBytes(claims.CaseId);
        var reviewId = Utf8.GetBytes(claims.ReviewId);
        var payload = new byte[FixedBytes + 1 + caseId.Length + 1 + reviewId.Length];
        var at = 0;
        payload[at++] = Version;
        claims.Nonce.CopyTo(payload, at);
        at += NonceBytes;
        payload[at++] = (byte)claims.Role;
        payload[at++] = claims.Approve ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(at), claims.ExpiresAtUnixSeconds);
        at += 8;
        claims.ReviewerTag.CopyTo(payload, at);
        at += ReviewerTagBytes;
        payload[at++] = (byte)caseId.Length;
        caseId.CopyTo(payload, at);
        at += caseId.Length;
        payload[at++] = (byte)reviewId.Length;
        reviewId.CopyTo(payload, at);

        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(macKey, payload));
    }

    /// <summary>The claims of a genuine token, or null for anything malformed, forged or tampered with. Never throws.</summary>
    public ApprovalTokenClaims? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length - dot - 1 != MacChars) return null;

        var payloadText = token.AsSpan(0, dot);
        var macText = token.AsSpan(dot + 1);
        var payload = DecodeCanonical(payloadText);
        var mac = DecodeCanonical(macText);
        if (payload is null || mac is null || mac.Length != MacBytes) return null;

        // The signature is checked before any of the payload is read.
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(macKey, payload), mac)) return null;
        return Parse(payload);
    }

    /// <summary>The keyed hash of a reviewer's address (trimmed, case-insensitive) that tokens carry.</summary>
    public byte[] ReviewerTag(string reviewer)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        var normalized = Encoding.UTF8.GetBytes(reviewer.Trim().ToUpperInvariant());
        return HMACSHA256.HashData(reviewerKey, normalized)[..ReviewerTagBytes];
    }

    /// <summary>True when <paramref name="reviewer"/> is the reviewer the claims were made for.</summary>
    public bool IsFor(ApprovalTokenClaims claims, string reviewer)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return claims.ReviewerTag.Length == ReviewerTagBytes && CryptographicOperations.FixedTimeEquals(claims.ReviewerTag, ReviewerTag(reviewer));
    }

    private static ApprovalTokenClaims? Parse(byte[] payload)
    {
        if (payload.Length < FixedBytes + 2 || payload[0] != Version) return null;
        var at = 1;
        var nonce = payload[at..(at + NonceBytes)];
        at += NonceBytes;
        var role = (ReviewerRole)payload[at++];
        var decision = payload[at++];
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(at));
        at += 8;
        var tag = payload[at..(at + ReviewerTagBytes)];
        at += ReviewerTagBytes;
        if (!Enum.IsDefined(role) || decision > 1 || expires < 0) return null;
        if (!TryReadId(payload, ref at, out var caseId) || !TryReadId(payload, ref at, out var reviewId) || at != payload.Length) return null;
        return new ApprovalTokenClaims(nonce, caseId, reviewId, role, tag, decision == 1, expires);
    }

    private static bool TryReadId(byte[] payload, ref int at, out string id)
    {
        id = "";
        if (at >= payload.Length) return false;
        var length = payload[at++];
        if (length == 0 || at + length > payload.Length) return false;
        try
        {
            id = Utf8.GetString(payload, at, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        at += length;
        return true;
    }

    // Only the one spelling Encode makes is accepted, so a token has exactly one form (and one stored hash).
    private static byte[]? DecodeCanonical(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_') return null;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != text.Length) return null;
        var bytes = buffer[..written];
        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text) ? bytes : null;
    }

    private static void CheckId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        if (Utf8.GetByteCount(id) > MaxIdBytes) throw new ArgumentException($"{name} must be at most {MaxIdBytes} UTF-8 bytes.", name);
    }
}
