namespace DurableVulns.Api.Cases;

/// <summary>One reviewer's decision as the status shows it.</summary>
public sealed record ReviewerView(string Decision, string Reviewer, DateTimeOffset At);
