using System.Globalization;
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

    /// <summary>Null when <paramref name="advisory"/> may be published for the case at <paramref name="now"/>; otherwise why not.</summary>
    public static GateRefusal? Check(CaseRecord record, Advisory advisory, DateTimeOffset now)
    {
        if (record.Stage == CaseStage.Closed) return new(string.Empty, "The case is closed.");
        if (record.Published) return new(string.Empty, "The advisory has already been published.");
        if (record.Publication is { Consent: ReviewState.Pending })
            return new(Articles.NationalEvents, "A publication is already waiting for MPS consent.");
        if (record.Embargoed)
            return new(Articles.Embargo, "The embargo holds until the patch is released; an early disclosure needs the approval of both MIIT and MPS.");
        // MIIT and MPS approved publication on the proposed date, in the case's time zone, not before.
        if (record.Stage is CaseStage.Received or CaseStage.Assessed
            && record.Disclosure is { State: ReviewState.Approved, Request.ProposedDate: { } approvedFor }
            && DateOnly.FromDateTime(ChinaTime.ToZone(now, record.TimeZone).DateTime) < approvedFor)
            return new(Articles.Embargo, $"The early disclosure was approved for {approvedFor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({record.TimeZone}); the embargo holds until then, or until the patch is released.");
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
