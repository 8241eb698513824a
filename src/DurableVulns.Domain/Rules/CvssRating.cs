using System.Globalization;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Rules;

/// <summary>
/// Turns an assessment's severity (a base score, or a CVSS 3.1 or 4.0 base vector as accepted by
/// <see cref="CvssSeverity"/>) into a base score and its qualitative rating.
/// </summary>
/// <remarks>
/// Only base metrics are scored. Threat, environmental and supplemental metrics that may follow
/// in a vector are ignored, because <see cref="CvssSeverity"/> does not check their values.
/// </remarks>
public static class CvssRating
{
    /// <summary>The rating of <paramref name="severity"/>; <see cref="SeverityRating.Unrated"/> when it has no score.</summary>
    public static SeverityRating Of(string? severity) => Score(severity) switch
    {
        null => SeverityRating.Unrated,
        0m => SeverityRating.None,
        < 4.0m => SeverityRating.Low,
        < 7.0m => SeverityRating.Medium,
        < 9.0m => SeverityRating.High,
        _ => SeverityRating.Critical,
    };

    /// <summary>The base score (0.0 to 10.0, one decimal), or null when <paramref name="severity"/> is missing or not valid.</summary>
    public static decimal? Score(string? severity)
    {
        // The validator's rules decide what is scoreable, so a stored severity never rates differently from how it validated.
        if (severity is null || !CvssSeverity.IsValid(severity)) return null;
        if (severity.StartsWith(V31Prefix, StringComparison.Ordinal)) return Cvss31(Metrics(severity[V31Prefix.Length..]));
        if (severity.StartsWith(V40Prefix, StringComparison.Ordinal)) return Cvss40(Metrics(severity[V40Prefix.Length..]));
        return decimal.Round(decimal.Parse(severity, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), 1);
    }

    private const string V31Prefix = "CVSS:3.1/";
    private const string V40Prefix = "CVSS:4.0/";

    // The validator has already rejected repeated metrics, so each key appears once.
    private static Dictionary<string, string> Metrics(string metrics) =>
        metrics.Split('/').Select(part => part.Split(':')).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    // ---- CVSS 3.1: specification section 7.1 and Appendix A. ----

    private static decimal Cvss31(Dictionary<string, string> m)
    {
        var scopeChanged = m["S"] == "C";
        var attackVector = m["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, _ => 0.2 };
        var attackComplexity = m["AC"] == "L" ? 0.77 : 0.44;
        // Privileges weigh more when the scope changes (section 7.4).
        var privileges = m["PR"] switch { "N" => 0.85, "L" => scopeChanged ? 0.68 : 0.62, _ => scopeChanged ? 0.5 : 0.27 };
        var userInteraction = m["UI"] == "N" ? 0.85 : 0.62;

        var iss = 1 - ((1 - Cia31(m["C"])) * (1 - Cia31(m["I"])) * (1 - Cia31(m["A"])));
        var impact = scopeChanged ? (7.52 * (iss - 0.029)) - (3.25 * Math.Pow(iss - 0.02, 15)) : 6.42 * iss;
        if (impact <= 0) return 0m;

        var exploitability = 8.22 * attackVector * attackComplexity * privileges * userInteraction;
        return scopeChanged
            ? Roundup(Math.Min(1.08 * (impact + exploitability), 10))
            : Roundup(Math.Min(impact + exploitability, 10));
    }

    private static double Cia31(string value) => value switch { "H" => 0.56, "L" => 0.22, _ => 0 };

    // Appendix A: round up to one decimal after cutting floating-point noise at the fifth decimal,
    // so 4.00000000000001 stays 4.0 instead of becoming 4.1.
    private static decimal Roundup(double value)
    {
        var scaled = (long)Math.Round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000m : (Math.Floor(scaled / 10_000m) + 1) / 10m;
    }

    // ---- CVSS 4.0: the FIRST reference calculator (cvss40.js; formerly cvss_score.js, cvss_lookup.js,
    // max_composed.js, max_severity.js), followed step by step in double arithmetic so that results
    // match it exactly, including its floating-point rounding at exact ties (e.g. 4.95 scores 4.9). ----

    private static decimal Cvss40(Dictionary<string, string> vector)
    {
        // Base score only: threat and environmental metrics take their "Not Defined" values,
        // which the calculator reads as the worst case (E:A, CR/IR/AR:H, no modified metrics).
        string M(string metric) => metric switch { "E" => "A", "CR" or "IR" or "AR" => "H", _ => vector[metric] };

        if (ImpactMetrics.All(metric => M(metric) == "N")) return 0m;

        var macro = MacroVector(M);
        var eq = macro.Select(digit => digit - '0').ToArray();
        var value = Lookup[macro];

        // 1a. Score of the next lower MacroVector in each EQ; NaN where there is none, as in the calculator.
        var lowerEq1 = LookupOrNaN(eq[0] + 1, eq[1], eq[2], eq[3], eq[4], eq[5]);
        var lowerEq2 = LookupOrNaN(eq[0], eq[1] + 1, eq[2], eq[3], eq[4], eq[5]);
        var lowerEq3Eq6 = (eq[2], eq[5]) switch
        {
            (1, 1) or (0, 1) => LookupOrNaN(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5]),
            (1, 0) => LookupOrNaN(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1),
            // 00 can step down either way; the calculator takes the higher.
            (0, 0) => Math.Max(
                LookupOrNaN(eq[0], eq[1], eq[2], eq[3], eq[4], eq[5] + 1),
                LookupOrNaN(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5])),
            _ => LookupOrNaN(eq[0], eq[1], eq[2] + 1, eq[3], eq[4], eq[5] + 1),
        };
        var lowerEq4 = LookupOrNaN(eq[0], eq[1], eq[2], eq[3] + 1, eq[4], eq[5]);
        var lowerEq5 = LookupOrNaN(eq[0], eq[1], eq[2], eq[3], eq[4] + 1, eq[5]);

        // 1b. Severity distance from the first highest-severity vector of this MacroVector that is not below the vector.
        double[] distance = [];
        foreach (var max in MaxVectors(macro))
        {
            distance = [.. DistanceMetrics.Select(metric => Levels[metric][M(metric)] - Levels[metric][max[metric]])];
            if (distance.All(d => d >= 0)) break;
        }
        double D(string metric) => distance[Array.IndexOf(DistanceMetrics, metric)];

        var currentEq1 = D("AV") + D("PR") + D("UI");
        var currentEq2 = D("AC") + D("AT");
        var currentEq3Eq6 = D("VC") + D("VI") + D("VA") + D("CR") + D("IR") + D("AR");
        var currentEq4 = D("SC") + D("SI") + D("SA");

        const double step = 0.1;
        var maxSeverityEq1 = MaxSeverityEq1[eq[0]] * step;
        var maxSeverityEq2 = MaxSeverityEq2[eq[1]] * step;
        var maxSeverityEq3Eq6 = MaxSeverityEq3Eq6[(eq[2], eq[5])] * step;
        var maxSeverityEq4 = MaxSeverityEq4[eq[3]] * step;

        // 1c–d. Proportion of the distance times the scoring difference to the lower MacroVector.
        var existingLower = 0;
        double normalizedEq1 = 0, normalizedEq2 = 0, normalizedEq3Eq6 = 0, normalizedEq4 = 0, normalizedEq5 = 0;
        var availableEq1 = value - lowerEq1;
        var availableEq2 = value - lowerEq2;
        var availableEq3Eq6 = value - lowerEq3Eq6;
        var availableEq4 = value - lowerEq4;
        var availableEq5 = value - lowerEq5;
        if (!double.IsNaN(availableEq1)) { existingLower++; normalizedEq1 = availableEq1 * (currentEq1 / maxSeverityEq1); }
        if (!double.IsNaN(availableEq2)) { existingLower++; normalizedEq2 = availableEq2 * (currentEq2 / maxSeverityEq2); }
        if (!double.IsNaN(availableEq3Eq6)) { existingLower++; normalizedEq3Eq6 = availableEq3Eq6 * (currentEq3Eq6 / maxSeverityEq3Eq6); }
        if (!double.IsNaN(availableEq4)) { existingLower++; normalizedEq4 = availableEq4 * (currentEq4 / maxSeverityEq4); }
        // EQ5's proportion is always 0, but an existing lower MacroVector still counts in the mean.
        if (!double.IsNaN(availableEq5)) { existingLower++; normalizedEq5 = availableEq5 * 0; }

        // 2–3. MacroVector score minus the mean distance, clamped and rounded to one decimal (JavaScript Math.round).
        var mean = existingLower == 0
            ? 0
            : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
        var score = Math.Clamp(value - mean, 0.0, 10.0);
        return (decimal)Math.Round(score * 10, MidpointRounding.AwayFromZero) / 10m;
    }

    private static readonly string[] ImpactMetrics = ["VC", "VI", "VA", "SC", "SI", "SA"];

    private static string MacroVector(Func<string, string> m)
    {
        var eq1 = (m("AV"), m("PR"), m("UI")) switch
        {
            ("N", "N", "N") => 0,
            (var av, var pr, var ui) when (av == "N" || pr == "N" || ui == "N") && av != "P" => 1,
            _ => 2,
        };
        var eq2 = m("AC") == "L" && m("AT") == "N" ? 0 : 1;
        var eq3 = m("VC") == "H" && m("VI") == "H" ? 0
            : m("VC") == "H" || m("VI") == "H" || m("VA") == "H" ? 1
            : 2;
        // MSI:S / MSA:S (EQ4 level 0) are environmental and never present in a base score.
        var eq4 = m("SC") == "H" || m("SI") == "H" || m("SA") == "H" ? 1 : 2;
        var eq5 = m("E") switch { "A" => 0, "P" => 1, _ => 2 };
        var eq6 = (m("CR") == "H" && m("VC") == "H") || (m("IR") == "H" && m("VI") == "H") || (m("AR") == "H" && m("VA") == "H") ? 0 : 1;
        return string.Create(CultureInfo.InvariantCulture, $"{eq1}{eq2}{eq3}{eq4}{eq5}{eq6}");
    }

    private static double LookupOrNaN(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) =>
        Lookup.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{eq1}{eq2}{eq3}{eq4}{eq5}{eq6}"), out var score) ? score : double.NaN;

    // Every combination of the EQs' highest-severity vectors, in the calculator's nesting order.
    private static IEnumerable<Dictionary<string, string>> MaxVectors(string macro) =>
        from eq1 in MaxComposedEq1[macro[0] - '0']
        from eq2 in MaxComposedEq2[macro[1] - '0']
        from eq3Eq6 in MaxComposedEq3Eq6[(macro[2] - '0', macro[5] - '0')]
        from eq4 in MaxComposedEq4[macro[3] - '0']
        from eq5 in MaxComposedEq5[macro[4] - '0']
        select Metrics((eq1 + eq2 + eq3Eq6 + eq4 + eq5).TrimEnd('/'));

    private static readonly string[] DistanceMetrics = ["AV", "PR", "UI", "AC", "AT", "VC", "VI", "VA", "SC", "SI", "SA", "CR", "IR", "AR"];

    private static readonly Dictionary<string, Dictionary<string, double>> Levels = new(StringComparer.Ordinal)
    {
        ["AV"] = new() { ["N"] = 0.0, ["A"] = 0.1, ["L"] = 0.2, ["P"] = 0.3 },
        ["PR"] = new() { ["N"] = 0.0, ["L"] = 0.1, ["H"] = 0.2 },
        ["UI"] = new() { ["N"] = 0.0, ["P"] = 0.1, ["A"] = 0.2 },
        ["AC"] = new() { ["L"] = 0.0, ["H"] = 0.1 },
        ["AT"] = new() { ["N"] = 0.0, ["P"] = 0.1 },
        ["VC"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VI"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["VA"] = new() { ["H"] = 0.0, ["L"] = 0.1, ["N"] = 0.2 },
        ["SC"] = new() { ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SI"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["SA"] = new() { ["S"] = 0.0, ["H"] = 0.1, ["L"] = 0.2, ["N"] = 0.3 },
        ["CR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["IR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
        ["AR"] = new() { ["H"] = 0.0, ["M"] = 0.1, ["L"] = 0.2 },
    };

    // max_composed.js: the highest-severity vectors of each EQ level.
    private static readonly string[][] MaxComposedEq1 =
    [
        ["AV:N/PR:N/UI:N/"],
        ["AV:A/PR:N/UI:N/", "AV:N/PR:L/UI:N/", "AV:N/PR:N/UI:P/"],
        ["AV:P/PR:N/UI:N/", "AV:A/PR:L/UI:P/"],
    ];

    private static readonly string[][] MaxComposedEq2 = [["AC:L/AT:N/"], ["AC:H/AT:N/", "AC:L/AT:P/"]];

    private static readonly Dictionary<(int Eq3, int Eq6), string[]> MaxComposedEq3Eq6 = new()
    {
        [(0, 0)] = ["VC:H/VI:H/VA:H/CR:H/IR:H/AR:H/"],
        [(0, 1)] = ["VC:H/VI:H/VA:L/CR:M/IR:M/AR:H/", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M/"],
        [(1, 0)] = ["VC:L/VI:H/VA:H/CR:H/IR:H/AR:H/", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H/"],
        [(1, 1)] =
        [
            "VC:L/VI:H/VA:L/CR:H/IR:M/AR:H/", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M/", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M/",
            "VC:H/VI:L/VA:L/CR:M/IR:H/AR:H/", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M/",
        ],
        [(2, 1)] = ["VC:L/VI:L/VA:L/CR:H/IR:H/AR:H/"],
    };

    private static readonly string[][] MaxComposedEq4 = [["SC:H/SI:S/SA:S/"], ["SC:H/SI:H/SA:H/"], ["SC:L/SI:L/SA:L/"]];

    private static readonly string[][] MaxComposedEq5 = [["E:A/"], ["E:P/"], ["E:U/"]];

    // max_severity.js: the depth of each EQ level, in steps of 0.1.
    private static readonly int[] MaxSeverityEq1 = [1, 4, 5];
    private static readonly int[] MaxSeverityEq2 = [1, 2];
    private static readonly Dictionary<(int Eq3, int Eq6), int> MaxSeverityEq3Eq6 = new()
    {
        [(0, 0)] = 7, [(0, 1)] = 6, [(1, 0)] = 8, [(1, 1)] = 8, [(2, 1)] = 10,
    };
    private static readonly int[] MaxSeverityEq4 = [6, 5, 4];

    // cvss_lookup.js (cvssLookup_global): the score of each MacroVector (EQ1..EQ6), all 270 entries.
    private static readonly Dictionary<string, double> Lookup = new(StringComparer.Ordinal)
    {
        ["000000"] = 10.0, ["000001"] = 9.9, ["000010"] = 9.8, ["000011"] = 9.5, ["000020"] = 9.5, ["000021"] = 9.2,
        ["000100"] = 10.0, ["000101"] = 9.6, ["000110"] = 9.3, ["000111"] = 8.7, ["000120"] = 9.1, ["000121"] = 8.1,
        ["000200"] = 9.3, ["000201"] = 9.0, ["000210"] = 8.9, ["000211"] = 8.0, ["000220"] = 8.1, ["000221"] = 6.8,
        ["001000"] = 9.8, ["001001"] = 9.5, ["001010"] = 9.5, ["001011"] = 9.2, ["001020"] = 9.0, ["001021"] = 8.4,
        ["001100"] = 9.3, ["001101"] = 9.2, ["001110"] = 8.9, ["001111"] = 8.1, ["001120"] = 8.1, ["001121"] = 6.5,
        ["001200"] = 8.8, ["001201"] = 8.0, ["001210"] = 7.8, ["001211"] = 7.0, ["001220"] = 6.9, ["001221"] = 4.8,
        ["002001"] = 9.2, ["002011"] = 8.2, ["002021"] = 7.2, ["002101"] = 7.9, ["002111"] = 6.9, ["002121"] = 5.0,
        ["002201"] = 6.9, ["002211"] = 5.5, ["002221"] = 2.7, ["010000"] = 9.9, ["010001"] = 9.7, ["010010"] = 9.5,
        ["010011"] = 9.2, ["010020"] = 9.2, ["010021"] = 8.5, ["010100"] = 9.5, ["010101"] = 9.1, ["010110"] = 9.0,
        ["010111"] = 8.3, ["010120"] = 8.4, ["010121"] = 7.1, ["010200"] = 9.2, ["010201"] = 8.1, ["010210"] = 8.2,
        ["010211"] = 7.1, ["010220"] = 7.2, ["010221"] = 5.3, ["011000"] = 9.5, ["011001"] = 9.3, ["011010"] = 9.2,
        ["011011"] = 8.5, ["011020"] = 8.5, ["011021"] = 7.3, ["011100"] = 9.2, ["011101"] = 8.2, ["011110"] = 8.0,
        ["011111"] = 7.2, ["011120"] = 7.0, ["011121"] = 5.9, ["011200"] = 8.4, ["011201"] = 7.0, ["011210"] = 7.1,
        ["011211"] = 5.2, ["011220"] = 5.0, ["011221"] = 3.0, ["012001"] = 8.6, ["012011"] = 7.5, ["012021"] = 5.2,
        ["012101"] = 7.1, ["012111"] = 5.2, ["012121"] = 2.9, ["012201"] = 6.3, ["012211"] = 2.9, ["012221"] = 1.7,
        ["100000"] = 9.8, ["100001"] = 9.5, ["100010"] = 9.4, ["100011"] = 8.7, ["100020"] = 9.1, ["100021"] = 8.1,
        ["100100"] = 9.4, ["100101"] = 8.9, ["100110"] = 8.6, ["100111"] = 7.4, ["100120"] = 7.7, ["100121"] = 6.4,
        ["100200"] = 8.7, ["100201"] = 7.5, ["100210"] = 7.4, ["100211"] = 6.3, ["100220"] = 6.3, ["100221"] = 4.9,
        ["101000"] = 9.4, ["101001"] = 8.9, ["101010"] = 8.8, ["101011"] = 7.7, ["101020"] = 7.6, ["101021"] = 6.7,
        ["101100"] = 8.6, ["101101"] = 7.6, ["101110"] = 7.4, ["101111"] = 5.8, ["101120"] = 5.9, ["101121"] = 5.0,
        ["101200"] = 7.2, ["101201"] = 5.7, ["101210"] = 5.7, ["101211"] = 5.2, ["101220"] = 5.2, ["101221"] = 2.5,
        ["102001"] = 8.3, ["102011"] = 7.0, ["102021"] = 5.4, ["102101"] = 6.5, ["102111"] = 5.8, ["102121"] = 2.6,
        ["102201"] = 5.3, ["102211"] = 2.1, ["102221"] = 1.3, ["110000"] = 9.5, ["110001"] = 9.0, ["110010"] = 8.8,
        ["110011"] = 7.6, ["110020"] = 7.6, ["110021"] = 7.0, ["110100"] = 9.0, ["110101"] = 7.7, ["110110"] = 7.5,
        ["110111"] = 6.2, ["110120"] = 6.1, ["110121"] = 5.3, ["110200"] = 7.7, ["110201"] = 6.6, ["110210"] = 6.8,
        ["110211"] = 5.9, ["110220"] = 5.2, ["110221"] = 3.0, ["111000"] = 8.9, ["111001"] = 7.8, ["111010"] = 7.6,
        ["111011"] = 6.7, ["111020"] = 6.2, ["111021"] = 5.8, ["111100"] = 7.4, ["111101"] = 5.9, ["111110"] = 5.7,
        ["111111"] = 5.7, ["111120"] = 4.7, ["111121"] = 2.3, ["111200"] = 6.1, ["111201"] = 5.2, ["111210"] = 5.7,
        ["111211"] = 2.9, ["111220"] = 2.4, ["111221"] = 1.6, ["112001"] = 7.1, ["112011"] = 5.9, ["112021"] = 3.0,
        ["112101"] = 5.8, ["112111"] = 2.6, ["112121"] = 1.5, ["112201"] = 2.3, ["112211"] = 1.3, ["112221"] = 0.6,
        ["200000"] = 9.3, ["200001"] = 8.7, ["200010"] = 8.6, ["200011"] = 7.2, ["200020"] = 7.5, ["200021"] = 5.8,
        ["200100"] = 8.6, ["200101"] = 7.4, ["200110"] = 7.4, ["200111"] = 6.1, ["200120"] = 5.6, ["200121"] = 3.4,
        ["200200"] = 7.0, ["200201"] = 5.4, ["200210"] = 5.2, ["200211"] = 4.0, ["200220"] = 4.0, ["200221"] = 2.2,
        ["201000"] = 8.5, ["201001"] = 7.5, ["201010"] = 7.4, ["201011"] = 5.5, ["201020"] = 6.2, ["201021"] = 5.1,
        ["201100"] = 7.2, ["201101"] = 5.7, ["201110"] = 5.5, ["201111"] = 4.1, ["201120"] = 4.6, ["201121"] = 1.9,
        ["201200"] = 5.3, ["201201"] = 3.6, ["201210"] = 3.4, ["201211"] = 1.9, ["201220"] = 1.9, ["201221"] = 0.8,
        ["202001"] = 6.4, ["202011"] = 5.1, ["202021"] = 2.0, ["202101"] = 4.7, ["202111"] = 2.1, ["202121"] = 1.1,
        ["202201"] = 2.4, ["202211"] = 0.9, ["202221"] = 0.4, ["210000"] = 8.8, ["210001"] = 7.5, ["210010"] = 7.3,
        ["210011"] = 5.3, ["210020"] = 6.0, ["210021"] = 5.0, ["210100"] = 7.3, ["210101"] = 5.5, ["210110"] = 5.9,
        ["210111"] = 4.0, ["210120"] = 4.1, ["210121"] = 2.0, ["210200"] = 5.4, ["210201"] = 4.3, ["210210"] = 4.5,
        ["210211"] = 2.2, ["210220"] = 2.0, ["210221"] = 1.1, ["211000"] = 7.5, ["211001"] = 5.5, ["211010"] = 5.8,
        ["211011"] = 4.5, ["211020"] = 4.0, ["211021"] = 2.1, ["211100"] = 6.1, ["211101"] = 5.1, ["211110"] = 4.8,
        ["211111"] = 1.8, ["211120"] = 2.0, ["211121"] = 0.9, ["211200"] = 4.6, ["211201"] = 1.8, ["211210"] = 1.7,
        ["211211"] = 0.7, ["211220"] = 0.8, ["211221"] = 0.2, ["212001"] = 5.3, ["212011"] = 2.4, ["212021"] = 1.4,
        ["212101"] = 2.4, ["212111"] = 1.2, ["212121"] = 0.5, ["212201"] = 1.0, ["212211"] = 0.3, ["212221"] = 0.1,
    };
}
