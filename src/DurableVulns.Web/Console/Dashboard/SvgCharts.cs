using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace DurableVulns.Web.Console.Dashboard;

/// <summary>
/// Server-rendered SVG charts for the dashboard, returned as markup for <c>Html.Raw</c>. Every text
/// passes through <see cref="Text"/>; every number is formatted invariantly. No <c>style</c> attribute
/// or element is emitted (the console's Content-Security-Policy forbids inline styles): colours are
/// presentation attributes, and <c>class</c> names let the site's stylesheet override them.
/// Every bar carries its number as text, and missed bars are hatched, so colour is never the only sign.
/// </summary>
public static class SvgCharts
{
    private const string Ink = "#1a1a1a";
    private const string Grid = "#8c8c8c";
    private const string BarFill = "#1f5fa8";
    private const string MetFill = "#1f5fa8";
    private const string MissedFill = "#b35900";
    private const string FontFamily = "system-ui, sans-serif";


    /// <summary>A horizontal bar chart, one row per bar, its label on the left and its value after the bar.</summary>
    /// <param name="id">Unique on the page; the chart's inner ids derive from it, so the same data gives the same markup.</param>
    public static string BarChart(IReadOnlyList<(string Label, int Value)> bars, string title, string id = "dv-chart-bars")
    {
        ArgumentNullException.ThrowIfNull(bars);
        const double width = 480, labelWidth = 150, valueWidth = 40, rowHeight = 30, barHeight = 18, top = 8, bottom = 8;
        var height = top + (bars.Count * rowHeight) + bottom;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => Math.Max(0, b.Value)));
        var plotWidth = width - labelWidth - valueWidth - 8;

        var svg = new StringBuilder();
        Open(svg, id, width, height, title, string.Join("; ", bars.Select(b => $"{b.Label}: {Num(b.Value)}")));
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = top + (i * rowHeight);
            var barWidth = plotWidth * Math.Max(0, value) / max;
            var textY = y + (barHeight / 2) + 4;
            svg.Append($"<g class=\"dv-chart-row\">")
                .Append($"<text class=\"dv-chart-label\" x=\"{Num(labelWidth - 8)}\" y=\"{Num(textY)}\" text-anchor=\"end\" fill=\"{Ink}\">{Text(label)}</text>")
                .Append($"<rect class=\"dv-chart-bar\" x=\"{Num(labelWidth)}\" y=\"{Num(y)}\" width=\"{Num(barWidth)}\" height=\"{Num(barHeight)}\" fill=\"{BarFill}\"/>")
                .Append($"<text class=\"dv-chart-value\" x=\"{Num(labelWidth + barWidth + 6)}\" y=\"{Num(textY)}\" fill=\"{Ink}\">{Num(value)}</text>")
                .Append("</g>");
        }
        svg.Append($"<line class=\"dv-chart-axis\" x1=\"{Num(labelWidth)}\" y1=\"{Num(top - 4)}\" x2=\"{Num(labelWidth)}\" y2=\"{Num(height - bottom)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// Met and missed deadlines per week as grouped columns: met solid, missed hatched, each with its
    /// number above it, the week's Monday (MM-dd) below, and a legend with <paramref name="metLabel"/>
    /// and <paramref name="missedLabel"/>.
    /// </summary>
    /// <param name="id">Unique on the page; the chart's inner ids derive from it, so the same data gives the same markup.</param>
    public static string MetMissedChart(IReadOnlyList<WeekTally> weeks, string title, string metLabel, string missedLabel, string id = "dv-chart-weeks")
    {
        ArgumentNullException.ThrowIfNull(weeks);
        const double width = 640, height = 260, left = 12, right = 12, legendHeight = 34, valueHeight = 16, axisHeight = 24;
        const double barWidth = 16, barGap = 2;
        var hatch = id + "-hatch";
        var baseline = height - axisHeight;
        var plotTop = legendHeight + valueHeight;
        var max = Math.Max(1, weeks.Count == 0 ? 0 : weeks.Max(w => Math.Max(Math.Max(0, w.Met), Math.Max(0, w.Missed))));
        var slot = weeks.Count == 0 ? 0 : (width - left - right) / weeks.Count;

        var svg = new StringBuilder();
        Open(svg, id, width, height, title, string.Join("; ", weeks.Select(w =>
            $"{WeekLabel(w)}: {metLabel} {Num(w.Met)}, {missedLabel} {Num(w.Missed)}")));
        // Diagonal hatching marks "missed" for readers who cannot tell the colours apart.
        svg.Append($"<defs><pattern id=\"{hatch}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
            .Append($"<rect width=\"6\" height=\"6\" fill=\"{MissedFill}\"/>")
            .Append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"3\"/>")
            .Append("</pattern></defs>");

        // Legend: a swatch drawn like the bars, then the caller's words; the second entry starts after the first's text.
        var missedX = left + 20 + Math.Max(100, TextWidth(metLabel)) + 24;
        svg.Append("<g class=\"dv-chart-legend\">")
            .Append($"<rect class=\"dv-chart-bar-met\" x=\"{Num(left)}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{MetFill}\"/>")
            .Append($"<text x=\"{Num(left + 20)}\" y=\"20\" fill=\"{Ink}\">{Text(metLabel)}</text>")
            .Append($"<rect class=\"dv-chart-bar-missed\" x=\"{Num(missedX)}\" y=\"8\" width=\"14\" height=\"14\" fill=\"url(#{hatch})\" stroke=\"{MissedFill}\" stroke-width=\"1\"/>")
            .Append($"<text x=\"{Num(missedX + 20)}\" y=\"20\" fill=\"{Ink}\">{Text(missedLabel)}</text>")
            .Append("</g>");

        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var center = left + (slot * i) + (slot / 2);
            svg.Append("<g class=\"dv-chart-week\">");
            Column(svg, "dv-chart-bar-met", $"fill=\"{MetFill}\"", center - barGap - barWidth, barWidth, week.Met, max, plotTop, baseline);
            Column(svg, "dv-chart-bar-missed", $"fill=\"url(#{hatch})\" stroke=\"{MissedFill}\" stroke-width=\"1\"", center + barGap, barWidth, week.Missed, max, plotTop, baseline);
            svg.Append($"<text class=\"dv-chart-label\" x=\"{Num(center)}\" y=\"{Num(baseline + 16)}\" text-anchor=\"middle\" fill=\"{Ink}\">{Text(WeekLabel(week))}</text>")
                .Append("</g>");
        }
        svg.Append($"<line class=\"dv-chart-axis\" x1=\"{Num(left)}\" y1=\"{Num(baseline)}\" x2=\"{Num(width - right)}\" y2=\"{Num(baseline)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
        return svg.Append("</svg>").ToString();
    }

    private static void Column(StringBuilder svg, string cssClass, string paint, double x, double width, int value, int max, double plotTop, double baseline)
    {
        var barHeight = (baseline - plotTop) * Math.Max(0, value) / max;
        svg.Append($"<rect class=\"{cssClass}\" x=\"{Num(x)}\" y=\"{Num(baseline - barHeight)}\" width=\"{Num(width)}\" height=\"{Num(barHeight)}\" {paint}/>")
            .Append($"<text class=\"dv-chart-value\" x=\"{Num(x + (width / 2))}\" y=\"{Num(baseline - barHeight - 4)}\" text-anchor=\"middle\" fill=\"{Ink}\">{Num(value)}</text>");
    }

    // The root element, its accessible name (title) and a text version of the data (desc) for screen readers.
    private static void Open(StringBuilder svg, string id, double width, double height, string title, string description)
    {
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dv-chart\" viewBox=\"0 0 {Num(width)} {Num(height)}\" ")
            .Append($"role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" ")
            .Append($"font-family=\"{FontFamily}\" font-size=\"12\">")
            .Append($"<title id=\"{id}-title\">{Text(title)}</title>")
            .Append($"<desc id=\"{id}-desc\">{Text(description)}</desc>");
    }

    // A rough width at font-size 12 (no text metrics on the server): wide for CJK and other full-width characters.
    private static double TextWidth(string? text) => text?.Sum(c => c >= '\u1100' ? 12.0 : 7.0) ?? 0;

    private static string WeekLabel(WeekTally week) => week.WeekStart.ToString("MM-dd", CultureInfo.InvariantCulture);

    // Unique per process so that two charts on one page never share a title or pattern id.

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text safe both as HTML and as XML: characters that XML cannot hold (control characters, lone
    /// surrogates, U+FFFE/U+FFFF) are dropped, then markup characters and quotes are entity-encoded.
    /// </summary>
    private static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i)) { kept.Append(value, i, 2); i++; }
            else if (XmlConvert.IsXmlChar(value[i])) kept.Append(value[i]);
        }
        return WebUtility.HtmlEncode(kept.ToString());
    }
}
