using System.Globalization;

namespace DurableVulns.Benchmarks;

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static string F(double value, int decimals = 2) =>
        double.IsFinite(value) ? value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "nan";

    /// <summary>A ratio that stays finite when the baseline is (near) zero.</summary>
    public static double Ratio(double value, double baseline) => Math.Abs(baseline) < 1e-9 ? double.NaN : value / baseline;
}
