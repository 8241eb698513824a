using DurableVulns.Domain.Policy;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// The input of one case's orchestration. The policy travels with it, so the case keeps
/// the deadlines it started with even after the policy file changes. So does its workflow
/// <see cref="Version"/>: a case replays on the sequence of steps it started with.
/// </summary>
public sealed record ReportLifecycleInput(string CaseId, DateTime ReceivedAtUtc, WorkflowPolicy Policy, bool HasUpstreamComponent, int Version)
{
    /// <summary>
    /// From this version, the steps whose work is mail (the acknowledgement, the upstream notices, the
    /// MIIT clock's alerts and the deadline's escalation, the affected-user notice) run one at a time in
    /// a queue beside the case's loop, so that a mail outage holds that queue, not the clock and the
    /// PSIRT's actions; a publication and the close wait for the queue. Cases started before it have
    /// no version (0) and await each such step in turn.
    /// </summary>
    public const int MailBesideTheLoop = 1;

    /// <summary>
    /// From this version, a publication waits for the mail queue beside the loop too, so that one asked
    /// for during a mail outage holds neither the MIIT clock nor the submission; a close asked for
    /// meanwhile is taken once the advisory is out (or held), as before.
    /// </summary>
    public const int PublicationBesideTheLoop = 2;

    /// <summary>
    /// From this version, the case's clock and its reviews' clocks wait out a rest of at most a second
    /// in one step (<see cref="Activities.WaitUntilDueActivity"/>) instead of a durable timer, which on
    /// this backend surfaces at once for such a rest, episode after episode, until the time comes.
    /// </summary>
    public const int ShortWaitsInAStep = 3;

    /// <summary>The version the intake starts new cases on.</summary>
    public const int Current = ShortWaitsInAStep;
}
