using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Domain.Reports;

/// <summary>
/// What users query about a case. The orchestration's activities keep it current;
/// workflow history is never read for this.
/// </summary>
public sealed record CaseRecord(
    string Id,
    DateTime ReceivedAtUtc,
    ReportSubmission Report,
    string PolicyVersion,
    string TimeZone,
    CaseStage Stage,
    DateTime MiitDeadlineUtc,
    DateTime? MiitSubmittedAtUtc = null,
    string? MiitReceiptId = null,
    bool MiitBreached = false,
    Assessment? Assessment = null,
    PatchRelease? Patch = null,
    DateTime? ClosedAtUtc = null,
    DisclosureRecord? Disclosure = null,
    PublicationRecord? Publication = null,
    IReadOnlyList<HeldUpMail>? MailHeldUp = null)
{
    public bool MiitSubmitted => MiitSubmittedAtUtc is not null;

    /// <summary>Art. 9(1): nothing is published before the fix, unless MIIT and MPS approved an early disclosure.</summary>
    public bool Embargoed => Stage is CaseStage.Received or CaseStage.Assessed && Disclosure?.State != ReviewState.Approved;

    public bool Published => Publication?.PublishedAtUtc is not null;

    /// <summary>A review is open: an early-disclosure request, or a publication held for MPS consent (Art. 9(6)).</summary>
    public bool ReviewPending => Disclosure?.State == ReviewState.Pending || Publication?.Consent == ReviewState.Pending;

    /// <summary>When the longest-held of the messages the mail service has not taken yet first failed; null when none is held up.</summary>
    public DateTime? MailHeldUpSinceUtc => MailHeldUp is { Count: > 0 } held ? held.Min(m => m.SinceUtc) : null;

    /// <summary>The record with <paramref name="mail"/> held up; this same record if its message is held up already.</summary>
    public CaseRecord WithMailHeldUp(HeldUpMail mail) =>
        IsHeldUpHash(mail.KeyHash) ? this : this with { MailHeldUp = [.. MailHeldUp ?? [], mail] };

    /// <summary>The record without the held-up message <paramref name="mailKey"/> (sent, or refused for good); this same record if it is not held up.</summary>
    public CaseRecord WithoutMailHeldUp(string mailKey) => WithoutMailHeldUpHash(TextHash.Sha256Hex(mailKey));

    /// <summary>The record without the held-up message whose key hashes to <paramref name="keyHash"/>; this same record if it is not held up.</summary>
    public CaseRecord WithoutMailHeldUpHash(string keyHash) => !IsHeldUpHash(keyHash)
        ? this
        : this with { MailHeldUp = MailHeldUp!.Where(m => m.KeyHash != keyHash).ToList() is { Count: > 0 } rest ? rest : null };

    private bool IsHeldUpHash(string keyHash) => MailHeldUp?.Any(m => m.KeyHash == keyHash) == true;
}
