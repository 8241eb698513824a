using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Disclosure;

/// <summary>
/// The Art. 9 rules every publication passes. A blackout window (Art. 9(6)) is not a refusal:
/// the publication waits for MPS consent, so it is not checked here.
/// </summary>
public static class PublicationGate
{
    /// <summary>The domestic country: undisclosed details go to no recipient outside it (Art. 9(7)).</summary>
    public const string Domestic = "CN";

    /// <summary>Null when <paramref name="advisory"/> may be published for the case; otherwise why not.</summary>
    public static GateRefusal? Check(CaseRecord record, Advisory advisory)
    {
        if (record.Stage == CaseStage.Closed) return new(string.Empty, "The case is closed.");
        if (record.Published) return new(string.Empty, "The advisory has already been published.");
        if (record.Publication is { Consent: ReviewState.Pending })
            return new(Articles.NationalEvents, "A publication is already waiting for MPS consent.");
        if (record.Embargoed)
            return new(Articles.Embargo, "The embargo holds until the patch is released; an early disclosure needs the approval of both MIIT and MPS.");
        if (!TextRules.HasVisibleText(advisory.Fix))
            return new(Articles.FixWithPublication, "The fix or mitigation must be published at the same time.");
        if (advisory.ContainsExploitCode == true)
            return new(Articles.ExploitTools, "Programs or tools that exploit the vulnerability must not be published.");
        if (advisory.ContainsOperatorSystemDetails == true)
            return new(Articles.OperatorSystems, "Details of a network operator's systems must not be published.");
        var overseas = advisory.Recipients.Where(r => r.Country != Domestic).Select(r => r.Country).Distinct().ToList();
        if (overseas.Count > 0)
            return new(Articles.Overseas, $"Undisclosed vulnerability details must not go to recipients outside China ({string.Join(", ", overseas)}).");
        return null;
    }
}
