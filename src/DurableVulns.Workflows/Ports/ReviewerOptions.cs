using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Ports;

/// <summary>Configuration section <c>DurableVulns:Reviewers</c>: the MIIT and MPS reviewers' addresses.</summary>
public sealed class ReviewerOptions
{
    public const string Section = "DurableVulns:Reviewers";

    public List<string> MIIT { get; set; } = [];

    public List<string> MPS { get; set; } = [];

    public IReadOnlyList<string> For(ReviewerRole role) => role == ReviewerRole.MIIT ? MIIT : MPS;

    /// <summary>True when <paramref name="address"/> is on the <paramref name="role"/> list, ignoring case and surrounding spaces.</summary>
    public bool Lists(ReviewerRole role, string address) =>
        For(role).Any(listed => string.Equals(listed?.Trim(), address.Trim(), StringComparison.OrdinalIgnoreCase));
}
