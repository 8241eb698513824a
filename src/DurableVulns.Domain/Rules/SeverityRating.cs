namespace DurableVulns.Domain.Rules;

/// <summary>The CVSS qualitative severity rating of a score; <see cref="Unrated"/> when there is no usable score.</summary>
public enum SeverityRating
{
    Unrated,
    None,
    Low,
    Medium,
    High,
    Critical,
}
