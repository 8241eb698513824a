using System.Globalization;
using System.Text.RegularExpressions;

namespace DurableVulns.Domain.Policy;

/// <summary>
/// ISO 8601 durations of fixed length: weeks, days, hours, minutes and seconds
/// (<c>P7D</c>, <c>PT48H</c>, <c>PT1.5S</c>). Years and months are refused because
/// their length depends on the calendar, and a legal deadline must not.
/// </summary>
public static partial class IsoDuration
{
    [GeneratedRegex(@"^P(?:(?<w>[0-9]+)W)?(?:(?<d>[0-9]+)D)?(?:T(?:(?<h>[0-9]+)H)?(?:(?<m>[0-9]+)M)?(?:(?<s>[0-9]+(?:\.[0-9]+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses <paramref name="text"/>; false when it is not a fixed-length ISO 8601 duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text) || text is "P" || text.EndsWith('T')) return false;
        var match = Pattern().Match(text);
        if (!match.Success) return false;
        double Part(string name) => match.Groups[name].Success
            ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture)
            : 0;
        try
        {
            duration = TimeSpan.FromDays(Part("w") * 7 + Part("d"))
                + TimeSpan.FromHours(Part("h"))
                + TimeSpan.FromMinutes(Part("m"))
                + TimeSpan.FromSeconds(Part("s"));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Formats a duration the way the policy writes it, e.g. <c>P2D</c>, <c>PT36H</c> becomes <c>P1DT12H</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "PT0S";
        var text = "P";
        if (duration.Days > 0) text += $"{duration.Days}D";
        var time = duration - TimeSpan.FromDays(duration.Days);
        if (time == TimeSpan.Zero) return text;
        text += "T";
        if (time.Hours > 0) text += $"{time.Hours}H";
        if (time.Minutes > 0) text += $"{time.Minutes}M";
        var seconds = time.Seconds + time.Milliseconds / 1000.0;
        if (seconds > 0) text += seconds.ToString(CultureInfo.InvariantCulture) + "S";
        return text;
    }
}
