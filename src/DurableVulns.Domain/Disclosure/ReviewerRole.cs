namespace DurableVulns.Domain.Disclosure;

/// <summary>The authorities whose reviewers decide on an early disclosure or a blackout publication (Art. 9(1), 9(6)).</summary>
public enum ReviewerRole
{
    MIIT,
    MPS,
}
