namespace DurableVulns.Infrastructure.Approvals;

/// <summary>Configuration section <c>DurableVulns:Approvals</c>: how approval links are signed and where they point.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "DurableVulns:Approvals";

    /// <summary>
    /// Base64 (standard or URL-safe alphabet) of at least 32 random bytes, e.g. <c>openssl rand -base64 32</c>.
    /// Every host of one deployment must have the same key. Without one, each process signs with a
    /// random key of its own and its links stop working when it ends: fine for a laptop, never for production.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The absolute http(s) address the emailed links start with (the host as reviewers reach it).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
