using System.Globalization;

namespace DurableVulns.Domain.Validation;

/// <summary>
/// Accepts a severity as a CVSS 3.1 or 4.0 base vector (every base metric present once,
/// with a legal value) or a base score from 0.0 to 10.0.
/// </summary>
public static class CvssSeverity
{
    private static readonly Dictionary<string, string> Cvss31Base = new()
    {
        ["AV"] = "NALP", ["AC"] = "LH", ["PR"] = "NLH", ["UI"] = "NR",
        ["S"] = "UC", ["C"] = "NLH", ["I"] = "NLH", ["A"] = "NLH",
    };

    private static readonly Dictionary<string, string> Cvss40Base = new()
    {
        ["AV"] = "NALP", ["AC"] = "LH", ["AT"] = "NP", ["PR"] = "NLH", ["UI"] = "NPA",
        ["VC"] = "HLN", ["VI"] = "HLN", ["VA"] = "HLN", ["SC"] = "HLN", ["SI"] = "HLN", ["SA"] = "HLN",
    };

    public static bool IsValid(string? severity)
    {
        if (string.IsNullOrWhiteSpace(severity) || severity.Length > 300) return false;
        if (severity.StartsWith("CVSS:3.1/", StringComparison.Ordinal)) return IsVector(severity["CVSS:3.1/".Length..], Cvss31Base);
        if (severity.StartsWith("CVSS:4.0/", StringComparison.Ordinal)) return IsVector(severity["CVSS:4.0/".Length..], Cvss40Base);
        return decimal.TryParse(severity, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score)
            && score is >= 0m and <= 10m
            && decimal.Round(score, 1) == score;
    }

    // Non-base metrics (temporal, environmental, supplemental) may follow; they are not checked
    // beyond their form, but each metric may appear only once.
    private static bool IsVector(string metrics, Dictionary<string, string> baseMetrics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in metrics.Split('/'))
        {
            var pair = part.Split(':');
            if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0 || !seen.Add(pair[0])) return false;
            if (baseMetrics.TryGetValue(pair[0], out var allowed) && (pair[1].Length != 1 || !allowed.Contains(pair[1][0], StringComparison.Ordinal)))
                return false;
        }
        return baseMetrics.Keys.All(seen.Contains);
    }
}
