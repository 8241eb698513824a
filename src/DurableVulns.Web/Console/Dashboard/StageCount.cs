using DurableVulns.Domain.Reports;

namespace DurableVulns.Web.Console.Dashboard;

/// <summary>How many open cases stand at one stage.</summary>
public sealed record StageCount(CaseStage Stage, int Count);
