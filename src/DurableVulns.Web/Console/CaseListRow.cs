using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;

namespace DurableVulns.Web.Console;

/// <summary>One open case in the console's list: what tells an analyst where to look first, and no vulnerability details.</summary>
public sealed record CaseListRow(string Id, string Product, SeverityRating Severity, CaseStage Stage, MiitCountdown Clock);
