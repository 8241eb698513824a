namespace DurableVulns.Web.Console;

/// <summary>How pressing a case's MIIT deadline is; shown as a colour and always also as words.</summary>
public enum Urgency
{
    /// <summary>A quarter or more of the time the policy allows is left.</summary>
    Plenty,

    /// <summary>Under a quarter of the time left.</summary>
    Low,

    /// <summary>The deadline has passed without a submission.</summary>
    Overdue,

    /// <summary>Submitted to MIIT: the clock has stopped.</summary>
    Stopped,
}
