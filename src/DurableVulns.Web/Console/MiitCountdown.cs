using DurableVulns.Api.Cases;
using DurableVulns.Domain.Reports;
using DurableVulns.Web.Localization;

namespace DurableVulns.Web.Console;

/// <summary>
/// A case's MIIT clock at one instant: time left, urgency and the words for both. The page shows
/// it as rendered; <c>countdown.js</c> then recomputes the same from the element's data attributes.
/// </summary>
public sealed record MiitCountdown(DateTimeOffset Start, DateTimeOffset Deadline, TimeSpan Left, Urgency Urgency, DateTimeOffset? SubmittedAt)
{
    /// <summary>The share of the allowed time under which a case counts as urgent.</summary>
    public const double LowShare = 0.25;

    public static MiitCountdown Of(CaseRecord record, DateTime nowUtc)
    {
        var left = record.MiitDeadlineUtc - nowUtc;
        var allowed = record.MiitDeadlineUtc - record.ReceivedAtUtc;
        var urgency = record.MiitSubmitted ? Urgency.Stopped
            : left <= TimeSpan.Zero ? Urgency.Overdue
            : left.Ticks < allowed.Ticks * LowShare ? Urgency.Low
            : Urgency.Plenty;
        return new MiitCountdown(CaseViews.Local(record, record.ReceivedAtUtc), CaseViews.Local(record, record.MiitDeadlineUtc), left, urgency,
            record.MiitSubmittedAtUtc is { } submitted ? CaseViews.Local(record, submitted) : null);
    }

    /// <summary>"1 d 03:12:45 left", "overdue by 00:20:00", or the submission time.</summary>
    public string Text => Urgency switch
    {
        Urgency.Stopped => Lang.T($"Submitted {SubmittedAt:yyyy-MM-dd HH:mm}", $"已报送 {SubmittedAt:yyyy-MM-dd HH:mm}"),
        Urgency.Overdue => Lang.T($"Overdue by {Duration(-Left)}", $"已逾期 {Duration(-Left)}"),
        _ => Lang.T($"{Duration(Left)} left", $"剩余 {Duration(Left)}"),
    };

    /// <summary>The urgency in words, so that colour is never the only sign.</summary>
    public string UrgencyText => Urgency switch
    {
        Urgency.Plenty => Lang.T("on track", "时间充足"),
        Urgency.Low => Lang.T("under 25% left", "剩余不足 25%"),
        Urgency.Overdue => Lang.T("overdue", "已逾期"),
        _ => Lang.T("clock stopped", "计时已停止"),
    };

    /// <summary>Days, then hours:minutes:seconds, in the page's language.</summary>
    public static string Duration(TimeSpan span)
    {
        var days = span.Days;
        var clock = $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}";
        return days == 0 ? clock : Lang.T($"{days} d {clock}", $"{days}天 {clock}");
    }
}
