using System.Buffers.Text;
using System.Text;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Infrastructure.Approvals;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Tests.Approvals;

public sealed class ApprovalTokenCodecTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] OtherKey = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    private static readonly ApprovalGrant Grant = new(
        "0f8fad5bd9cb469fa16570867728950e", "review-7", ReviewKind.EarlyDisclosure, "0f8fad5bd9cb469fa16570867728950e",
        "Approval:MIIT:review-7", ReviewerRole.MIIT, "reviewer@miit.example.cn", new DateTime(2026, 12, 20, 8, 0, 0, DateTimeKind.Utc));

    private readonly ApprovalTokenCodec codec = new(Key);

    [Fact]
    public void Decode_EncodedClaims_ReturnsEveryClaim()
    {
        // Arrange
        var claims = codec.Create(Grant, approve: true);

        // Act
        var decoded = codec.Decode(codec.Encode(claims));

        // Assert
        Assert.NotNull(decoded);
        Assert.Equal(claims.Nonce, decoded.Nonce);
        Assert.Equal(Grant.CaseId, decoded.CaseId);
        Assert.Equal(Grant.ReviewId, decoded.ReviewId);
        Assert.Equal(ReviewerRole.MIIT, decoded.Role);
        Assert.Equal(claims.ReviewerTag, decoded.ReviewerTag);
        Assert.True(decoded.Approve);
        Assert.Equal(new DateTimeOffset(Grant.ExpiresAtUtc), decoded.ExpiresAt);
        Assert.True(codec.IsFor(decoded, Grant.Reviewer));
    }

    [Fact]
    public void Decode_RejectTokenOfMps_KeepsRoleAndDecision()
    {
        // Arrange
        var claims = codec.Create(Grant with { Role = ReviewerRole.MPS, ReviewId = "复核-1" }, approve: false);

        // Act
        var decoded = codec.Decode(codec.Encode(claims));

        // Assert
        Assert.NotNull(decoded);
        Assert.Equal(ReviewerRole.MPS, decoded.Role);
        Assert.False(decoded.Approve);
        Assert.Equal("复核-1", decoded.ReviewId);
    }

    [Fact]
    public void Create_SameGrantTwice_MakesDifferentTokensWith128RandomBits()
    {
        // Act
        var first = codec.Create(Grant, approve: true);
        var second = codec.Create(Grant, approve: true);

        // Assert
        Assert.Equal(16, first.Nonce.Length);
        Assert.NotEqual(first.Nonce, second.Nonce);
        Assert.NotEqual(codec.Encode(first), codec.Encode(second));
    }

    [Fact]
    public void Encode_Claims_IsUrlSafeShortAndCarriesNoReviewerAddress()
    {
        // Arrange
        var claims = codec.Create(Grant, approve: true);

        // Act
        var token = codec.Encode(claims);

        // Assert
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"'{c}' is not URL-safe"));
        Assert.True(token.Length < 200, $"token has {token.Length} characters");
        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.', StringComparison.Ordinal)));
        Assert.DoesNotContain("reviewer", Encoding.UTF8.GetString(payload), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("miit.example", Encoding.UTF8.GetString(payload), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decode_AnyFlippedBitInPayload_ReturnsNull()
    {
        // Arrange
        var token = codec.Encode(codec.Create(Grant, approve: false));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        var signature = token[(dot + 1)..];

        for (var i = 0; i < payload.Length; i++)
        {
            var tampered = (byte[])payload.Clone();
            tampered[i] ^= 0x01;

            // Act
            var decoded = codec.Decode(Base64Url.EncodeToString(tampered) + "." + signature);

            // Assert
            Assert.Null(decoded);
        }
    }

    [Fact]
    public void Decode_DecisionSwitchedToApprove_ReturnsNull()
    {
        // Arrange: the decision byte follows version, nonce and role.
        var token = codec.Encode(codec.Create(Grant, approve: false));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
        payload[1 + 16 + 1] = 1;

        // Act
        var decoded = codec.Decode(Base64Url.EncodeToString(payload) + token[dot..]);

        // Assert
        Assert.Null(decoded);
    }

    [Fact]
    public void Decode_AnyFlippedBitInSignature_ReturnsNull()
    {
        // Arrange
        var token = codec.Encode(codec.Create(Grant, approve: true));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));

        for (var i = 0; i < signature.Length; i++)
        {
            var tampered = (byte[])signature.Clone();
            tampered[i] ^= 0x80;

            // Act
            var decoded = codec.Decode(token[..(dot + 1)] + Base64Url.EncodeToString(tampered));

            // Assert
            Assert.Null(decoded);
        }
    }

    [Fact]
    public void Decode_TokenSignedWithOtherKey_ReturnsNull()
    {
        // Arrange
        var forger = new ApprovalTokenCodec(OtherKey);
        var token = forger.Encode(forger.Create(Grant, approve: true));

        // Act
        var decoded = codec.Decode(token);

        // Assert
        Assert.NotNull(forger.Decode(token));
        Assert.Null(decoded);
    }

    [Fact]
    public void Decode_PayloadOfOneTokenWithSignatureOfAnother_ReturnsNull()
    {
        // Arrange
        var approve = codec.Encode(codec.Create(Grant, approve: true));
        var reject = codec.Encode(codec.Create(Grant, approve: false));

        // Act
        var decoded = codec.Decode(reject[..reject.IndexOf('.', StringComparison.Ordinal)] + approve[approve.IndexOf('.', StringComparison.Ordinal)..]);

        // Assert
        Assert.Null(decoded);
    }

    [Fact]
    public void Decode_OtherSpellingOfSameBytes_ReturnsNull()
    {
        // Arrange: the last base64url character of a 43-character signature carries 2 unused bits.
        var token = codec.Encode(codec.Create(Grant, approve: true));
        var last = token[^1];
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];

        // Act
        var decoded = codec.Decode(token[..^1] + sibling);

        // Assert
        Assert.NotNull(codec.Decode(token));
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("abc")]
    [InlineData("abc.def")]
    [InlineData("AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%2e%2e%2f")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("批准.拒绝")]
    [InlineData("\0\0\0")]
    public void Decode_Garbage_ReturnsNull(string? token)
    {
        // Act
        var decoded = codec.Decode(token);

        // Assert
        Assert.Null(decoded);
    }

    [Theory]
    [InlineData(" {0}")]
    [InlineData("{0} ")]
    [InlineData("{0}=")]
    [InlineData("{0}.x")]
    [InlineData("x{0}")]
    public void Decode_ValidTokenWithExtraCharacters_ReturnsNull(string format)
    {
        // Arrange
        var token = codec.Encode(codec.Create(Grant, approve: true));

        // Act
        var decoded = codec.Decode(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, token));

        // Assert
        Assert.Null(decoded);
    }

    [Fact]
    public void Decode_VeryLongString_ReturnsNull()
    {
        // Act
        var decoded = codec.Decode(new string('A', 100_000) + "." + new string('A', 43));

        // Assert
        Assert.Null(decoded);
    }

    [Fact]
    public void Decode_ValidTokenTruncated_ReturnsNull()
    {
        // Arrange
        var token = codec.Encode(codec.Create(Grant, approve: true));

        // Act
        var decoded = codec.Decode(token[..^1]);

        // Assert
        Assert.Null(decoded);
    }

    [Fact]
    public void IsFor_SameAddressOtherCaseAndSpaces_ReturnsTrueAndOtherAddressFalse()
    {
        // Arrange
        var claims = codec.Create(Grant, approve: true);

        // Act
        var same = codec.IsFor(claims, "  Reviewer@MIIT.example.cn ");
        var other = codec.IsFor(claims, "someone@miit.example.cn");

        // Assert
        Assert.True(same);
        Assert.False(other);
    }

    [Fact]
    public void ReviewerTag_OtherKey_Differs()
    {
        // Act
        var mine = codec.ReviewerTag(Grant.Reviewer);
        var theirs = new ApprovalTokenCodec(OtherKey).ReviewerTag(Grant.Reviewer);

        // Assert
        Assert.Equal(16, mine.Length);
        Assert.NotEqual(mine, theirs);
    }

    [Fact]
    public void Constructor_KeyShorterThan32Bytes_Throws()
    {
        // Act
        var act = () => new ApprovalTokenCodec(new byte[31]);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Create_CaseIdLongerThan255Bytes_Throws()
    {
        // Act
        var act = () => codec.Create(Grant with { CaseId = new string('x', 256) }, approve: true);

        // Assert
        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Create_UnspecifiedKindExpiry_IsReadAsUtc()
    {
        // Arrange
        var unspecified = DateTime.SpecifyKind(Grant.ExpiresAtUtc, DateTimeKind.Unspecified);

        // Act
        var claims = codec.Create(Grant with { ExpiresAtUtc = unspecified }, approve: true);

        // Assert
        Assert.Equal(new DateTimeOffset(Grant.ExpiresAtUtc), claims.ExpiresAt);
    }
}
