using DurableVulns.Domain.Rules;

namespace DurableVulns.Workflows.Contracts;

/// <summary>An activity's input for one step of the MIIT clock.</summary>
public sealed record ClockStepInput(string CaseId, ClockStep Step);
