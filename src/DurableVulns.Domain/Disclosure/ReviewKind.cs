namespace DurableVulns.Domain.Disclosure;

/// <summary>What reviewers are asked to decide.</summary>
public enum ReviewKind
{
    /// <summary>Publication before the patch: MIIT and MPS must both approve (Art. 9(1)).</summary>
    EarlyDisclosure,

    /// <summary>Publication during a national-event blackout: MPS must consent (Art. 9(6)).</summary>
    BlackoutConsent,
}
