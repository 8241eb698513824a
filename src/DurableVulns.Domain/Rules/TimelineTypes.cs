namespace DurableVulns.Domain.Rules;

/// <summary>The kinds of entry in a case's timeline and audit trail.</summary>
public static class TimelineTypes
{
    public const string Received = nameof(Received);
    public const string IntakeRecovered = nameof(IntakeRecovered);
    public const string Acknowledged = nameof(Acknowledged);
    public const string UpstreamNotified = nameof(UpstreamNotified);
    public const string Reminder = nameof(Reminder);
    public const string Escalation = nameof(Escalation);
    public const string MiitSubmitted = nameof(MiitSubmitted);
    public const string MiitDeadlineMissed = nameof(MiitDeadlineMissed);
    public const string Assessed = nameof(Assessed);
    public const string PatchReleased = nameof(PatchReleased);
    public const string UsersNotified = nameof(UsersNotified);
    public const string MailRefused = nameof(MailRefused);
    public const string MailDelayed = nameof(MailDelayed);
    public const string MailSentAfterDelay = nameof(MailSentAfterDelay);
    public const string MailWithdrawn = nameof(MailWithdrawn);
    public const string Closed = nameof(Closed);
    public const string ActionRefused = nameof(ActionRefused);
    public const string DisclosureRequested = nameof(DisclosureRequested);
    public const string DisclosureApproved = nameof(DisclosureApproved);
    public const string DisclosureRejected = nameof(DisclosureRejected);
    public const string DisclosureTimedOut = nameof(DisclosureTimedOut);
    public const string ReviewerReminder = nameof(ReviewerReminder);
    public const string ReviewerDecision = nameof(ReviewerDecision);
    public const string BlackoutHeld = nameof(BlackoutHeld);
    public const string MpsConsentGranted = nameof(MpsConsentGranted);
    public const string MpsConsentRefused = nameof(MpsConsentRefused);
    public const string Published = nameof(Published);
    public const string CaseViewed = nameof(CaseViewed);
}
