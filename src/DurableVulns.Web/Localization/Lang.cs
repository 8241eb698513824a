using System.Globalization;

namespace DurableVulns.Web.Localization;

/// <summary>
/// The pages' two languages. Each text is written in both beside each other where it is used, so a
/// page reads in either; the request's culture (cookie, then Accept-Language) picks one.
/// </summary>
public static class Lang
{
    public const string English = "en";
    public const string Chinese = "zh-CN";
    public const string CookieName = "dv-lang";

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>The <c>lang</c> attribute of the page.</summary>
    public static string Code => IsChinese ? Chinese : English;

    /// <summary>The text in the current language.</summary>
    public static string T(string english, string chinese) => IsChinese ? chinese : english;
}
