using DurableVulns.Web.Localization;
using DurableVulns.Web.Tests.Console;

namespace DurableVulns.Web.Tests.Portal;

public sealed class ValidationTextTests
{
    [Theory]
    [InlineData("is required.", "必填。")]
    [InlineData("must be a valid e-mail address.", "须为有效的电子邮件地址。")]
    [InlineData("must be at most 200 characters.", "最多 200 个字符。")]
    [InlineData("must list at most 20 versions.", "最多 20 个版本。")]
    [InlineData("an unlisted message.", "an unlisted message.")]
    public void Of_ChinesePage_TranslatedOrKept(string message, string expected)
    {
        Assert.Equal(expected, MiitCountdownTests.InCulture("zh-CN", () => ValidationText.Of(message)));
    }

    [Fact]
    public void Of_EnglishPage_MessageAsTheApiSendsIt()
    {
        Assert.Equal("is required.", MiitCountdownTests.InCulture("en", () => ValidationText.Of("is required.")));
    }
}
