using System.Globalization;
using DurableVulns.Web.Console;
using DurableVulns.Web.Tests.Dashboard;

namespace DurableVulns.Web.Tests.Console;

public sealed class MiitCountdownTests
{
    private static readonly DateTime Now = DashboardSamples.Now;

    [Theory]
    [InlineData(47, Urgency.Plenty)]
    [InlineData(12, Urgency.Plenty)]
    [InlineData(11.9, Urgency.Low)]
    [InlineData(0.01, Urgency.Low)]
    [InlineData(0, Urgency.Overdue)]
    [InlineData(-5, Urgency.Overdue)]
    public void Of_HoursLeftOfTwoDays_UrgencyByShareLeft(double hoursLeft, Urgency expected)
    {
        var record = DashboardSamples.Case("c", Now.AddHours(hoursLeft));

        Assert.Equal(expected, MiitCountdown.Of(record, Now).Urgency);
    }

    [Fact]
    public void Of_Submitted_StoppedWhateverTheTime()
    {
        var record = DashboardSamples.Case("c", Now.AddHours(-5), submittedUtc: Now.AddHours(-6));

        var countdown = MiitCountdown.Of(record, Now);

        Assert.Equal(Urgency.Stopped, countdown.Urgency);
        Assert.Equal(new DateTimeOffset(Now.AddHours(-6)).ToOffset(TimeSpan.FromHours(8)), countdown.SubmittedAt);
    }

    [Fact]
    public void Text_EnglishAndChinese_TimeLeftAndOverdueInWords()
    {
        var plenty = MiitCountdown.Of(DashboardSamples.Case("c", Now.AddHours(27).AddMinutes(12).AddSeconds(5)), Now);
        var overdue = MiitCountdown.Of(DashboardSamples.Case("c", Now.AddMinutes(-20)), Now);

        var (english, englishOverdue, englishWords) = InCulture("en", () => (plenty.Text, overdue.Text, overdue.UrgencyText));
        var (chinese, chineseOverdue, chineseWords) = InCulture("zh-CN", () => (plenty.Text, overdue.Text, overdue.UrgencyText));

        Assert.Equal("1 d 03:12:05 left", english);
        Assert.Equal("Overdue by 00:20:00", englishOverdue);
        Assert.Equal("overdue", englishWords);
        Assert.Equal("剩余 1天 03:12:05", chinese);
        Assert.Equal("已逾期 00:20:00", chineseOverdue);
        Assert.Equal("已逾期", chineseWords);
    }

    [Fact]
    public void Of_AnyCase_DeadlineInChinaStandardTime()
    {
        var countdown = MiitCountdown.Of(DashboardSamples.Case("c", DashboardSamples.Utc(2026, 3, 12, 9, 30)), Now);

        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 30, 0, TimeSpan.FromHours(8)), countdown.Deadline);
        Assert.Equal(TimeSpan.FromHours(8), countdown.Deadline.Offset);
    }

    internal static T InCulture<T>(string culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
