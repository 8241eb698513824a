using System.Xml.Linq;
using DurableVulns.Web.Console.Dashboard;

namespace DurableVulns.Web.Tests.Dashboard;

public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private const string Script = "<script>alert(1)</script>";

    private static List<(string Label, int Value)> Stages() => [("Received", 3), ("Assessed", 0), ("Patch released", 12)];

    private static List<WeekTally> TwelveWeeks() =>
        [.. Enumerable.Range(0, 12).Select(i => new WeekTally(new DateOnly(2025, 12, 22).AddDays(7 * i), i, i % 3))];

    private static XElement Root(string svg) => XDocument.Parse(svg).Root!;

    private static List<string> Values(XElement root) =>
        [.. root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "dv-chart-value").Select(t => t.Value)];

    [Fact]
    public void BarChart_Bars_OneValueTextPerBar()
    {
        // Arrange
        var bars = Stages();

        // Act
        var root = Root(SvgCharts.BarChart(bars, "Open cases"));

        // Assert
        Assert.Equal(["3", "0", "12"], Values(root));
        Assert.Equal(3, root.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "dv-chart-bar"));
    }

    [Fact]
    public void BarChart_Output_IsAccessibleScalableSvg()
    {
        // Arrange
        var bars = Stages();

        // Act
        var root = Root(SvgCharts.BarChart(bars, "Open cases"));

        // Assert
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.False(string.IsNullOrEmpty((string?)root.Attribute("viewBox")));
        var title = Assert.Single(root.Elements(Svg + "title"));
        Assert.Equal("Open cases", title.Value);
        Assert.Equal((string?)title.Attribute("id"), (string?)root.Attribute("aria-labelledby"));
    }

    [Fact]
    public void BarChart_Output_HasNoInlineStyle()
    {
        // Arrange
        var bars = Stages();

        // Act
        var svg = SvgCharts.BarChart(bars, "Open cases");

        // Assert
        AssertNoStyle(svg);
    }

    [Fact]
    public void BarChart_ScriptInLabelAndTitle_IsEncoded()
    {
        // Arrange
        List<(string Label, int Value)> bars = [(Script, 1)];

        // Act
        var svg = SvgCharts.BarChart(bars, Script);

        // Assert
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        var root = Root(svg);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == Script);
    }

    [Theory]
    [InlineData("\" onload=\"alert(1)")]
    [InlineData("' onload='alert(1)")]
    [InlineData("]]><x/>")]
    [InlineData("a & b")]
    [InlineData("bad\u0001\u0008\uFFFEchar\uD800")]
    public void BarChart_HostileLabel_StaysTextAndParses(string label)
    {
        // Arrange
        List<(string Label, int Value)> bars = [(label, 1)];

        // Act
        var root = Root(SvgCharts.BarChart(bars, label));

        // Assert
        Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "onload");
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "x");
        Assert.Equal(3, root.Descendants(Svg + "text").Count() + root.Elements(Svg + "title").Count());
    }

    [Fact]
    public void BarChart_ChineseLabels_KeptAsText()
    {
        // Arrange
        List<(string Label, int Value)> bars = [("已接收", 2), ("已发布补丁", 1)];

        // Act
        var root = Root(SvgCharts.BarChart(bars, "未结案件"));

        // Assert
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value == "已发布补丁");
        Assert.Equal("未结案件", root.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void BarChart_NoBars_StillParses()
    {
        // Arrange
        List<(string Label, int Value)> bars = [];

        // Act
        var root = Root(SvgCharts.BarChart(bars, "Open cases"));

        // Assert
        Assert.Empty(Values(root));
    }

    [Fact]
    public void MetMissedChart_TwelveWeeks_OneValueTextPerBar()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var root = Root(SvgCharts.MetMissedChart(weeks, "MIIT deadlines", "Met", "Missed"));

        // Assert
        var expected = weeks.SelectMany(w => new[] { w.Met.ToString(System.Globalization.CultureInfo.InvariantCulture), w.Missed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(expected, Values(root));
    }

    [Fact]
    public void MetMissedChart_MissedBars_FilledWithHatchPattern()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var root = Root(SvgCharts.MetMissedChart(weeks, "MIIT deadlines", "Met", "Missed"));

        // Assert
        var pattern = Assert.Single(root.Descendants(Svg + "pattern"));
        var reference = $"url(#{(string?)pattern.Attribute("id")})";
        var missed = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "dv-chart-bar-missed").ToList();
        var met = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "dv-chart-bar-met").ToList();
        Assert.Equal(13, missed.Count); // twelve bars and the legend swatch
        Assert.All(missed, r => Assert.Equal(reference, (string?)r.Attribute("fill")));
        Assert.All(met, r => Assert.NotEqual(reference, (string?)r.Attribute("fill")));
    }

    [Fact]
    public void MetMissedChart_Legend_ShowsCallersLabels()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var root = Root(SvgCharts.MetMissedChart(weeks, "工信部报送期限", "按时报送", "逾期"));

        // Assert
        var legend = Assert.Single(root.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "dv-chart-legend");
        Assert.Equal(["按时报送", "逾期"], legend.Elements(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void MetMissedChart_Weeks_LabelledByMonday()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var root = Root(SvgCharts.MetMissedChart(weeks, "MIIT deadlines", "Met", "Missed"));

        // Assert
        var labels = root.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == "dv-chart-label").Select(t => t.Value).ToList();
        Assert.Equal(12, labels.Count);
        Assert.Equal("12-22", labels[0]);
        Assert.Equal("03-09", labels[^1]);
    }

    [Fact]
    public void MetMissedChart_Output_IsAccessibleWithoutInlineStyle()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var svg = SvgCharts.MetMissedChart(weeks, "MIIT deadlines", "Met", "Missed");

        // Assert
        AssertNoStyle(svg);
        var root = Root(svg);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.False(string.IsNullOrEmpty((string?)root.Attribute("viewBox")));
        Assert.Equal((string?)root.Element(Svg + "title")!.Attribute("id"), (string?)root.Attribute("aria-labelledby"));
    }

    [Fact]
    public void MetMissedChart_ScriptInLabels_IsEncoded()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var svg = SvgCharts.MetMissedChart(weeks, Script, Script, Script);

        // Assert
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(Root(svg).Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public void Charts_TwoOnOnePageWithTheirOwnIds_HaveDistinctIds()
    {
        // Arrange
        var weeks = TwelveWeeks();

        // Act
        var first = Root(SvgCharts.MetMissedChart(weeks, "A", "Met", "Missed", "chart-a"));
        var second = Root(SvgCharts.MetMissedChart(weeks, "B", "Met", "Missed", "chart-b"));

        // Assert
        var firstIds = first.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>();
        var secondIds = second.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>();
        Assert.Empty(firstIds.Intersect(secondIds));
    }

    [Fact]
    public void MetMissedChart_SameDataTwice_SameMarkup()
    {
        var weeks = TwelveWeeks();

        Assert.Equal(SvgCharts.MetMissedChart(weeks, "A", "Met", "Missed"), SvgCharts.MetMissedChart(weeks, "A", "Met", "Missed"));
    }

    private static void AssertNoStyle(string svg)
    {
        Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
        var root = Root(svg);
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.LocalName == "style");
        Assert.DoesNotContain(root.DescendantsAndSelf().Attributes(), a => a.Name.LocalName == "style");
    }
}
