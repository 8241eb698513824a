using System.Security.Cryptography;

namespace DurableVulns.Web.Portal;

/// <summary>A reporter's private tracking token: 256 random bits, URL-safe; only its hash is stored.</summary>
public static class TrackingToken
{
    public static string New() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
