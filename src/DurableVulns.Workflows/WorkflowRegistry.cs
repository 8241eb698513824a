using DurableVulns.Workflows.Activities;
using DurableVulns.Workflows.Orchestrators;

namespace DurableVulns.Workflows;

/// <summary>Every orchestrator and activity, registered by their class names in both hosts.</summary>
public static class WorkflowRegistry
{
    public static IReadOnlyList<Type> Orchestrators { get; } = [typeof(ReportLifecycleOrchestrator), typeof(ReviewOrchestrator)];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(AcknowledgeReporterActivity),
        typeof(NotifyUpstreamProviderActivity),
        typeof(SendMiitClockAlertActivity),
        typeof(RecordMiitBreachActivity),
        typeof(RecordMiitDeadlineMissedActivity),
        typeof(SendMiitBreachEscalationActivity),
        typeof(RecordAssessmentActivity),
        typeof(RecordMiitSubmissionActivity),
        typeof(ReleasePatchActivity),
        typeof(RecordPatchReleaseActivity),
        typeof(SendAffectedUserNoticeActivity),
        typeof(CloseCaseActivity),
        typeof(RecordRefusedActionActivity),
        typeof(RecordDisclosureRequestActivity),
        typeof(RequestReviewsActivity),
        typeof(SendReviewReminderActivity),
        typeof(RecordReviewDecisionActivity),
        typeof(CloseReviewActivity),
        typeof(RecordDisclosureOutcomeActivity),
        typeof(HoldPublicationActivity),
        typeof(RecordConsentOutcomeActivity),
        typeof(PublishAdvisoryActivity),
        typeof(NotifyAssessedUpstreamActivity),
        typeof(WaitUntilDueActivity),
    ];
}
