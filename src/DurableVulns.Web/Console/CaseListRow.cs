using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console;

/// <summary>One open case in the console's list: what tells an analyst where to look first, and no vulnerability details.</summary>
/// <param name="MailHeldUpSince">When the longest-held message the case owes first failed to send, in the case's time zone; null when none is held up.</param>
public sealed record CaseListRow(string Id, string Product, SeverityRating Severity, CaseStage Stage, MiitCountdown Clock, DateTimeOffset? MailHeldUpSince);
