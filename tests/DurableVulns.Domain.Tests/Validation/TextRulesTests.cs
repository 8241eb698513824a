using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class TextRulesTests
{
    // 64 + 1 + 189 = 254 characters, the longest address allowed.
    private static readonly string LongestAddress =
        new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 58) + ".cn";

    [Theory]
    [InlineData("liwei@lab.example.cn")]
    [InlineData("security@libfoo.example")]
    [InlineData("first.last+psirt@sub.example.org")]
    [InlineData("李伟@实验室.中国")]
    public void IsEmail_PlainAddress_ReturnsTrue(string address)
    {
        // Arrange
        // (the input is the address)

        // Act
        var valid = TextRules.IsEmail(address);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsEmail_Exactly254Characters_ReturnsTrue()
    {
        // Arrange
        Assert.Equal(TextRules.MaxEmailLength, LongestAddress.Length);

        // Act
        var valid = TextRules.IsEmail(LongestAddress);

        // Assert
        Assert.True(valid);
    }

    [Fact]
    public void IsEmail_Over254Characters_ReturnsFalse()
    {
        // Arrange
        var address = LongestAddress.Replace(".cn", "x.cn", StringComparison.Ordinal);
        Assert.Equal(TextRules.MaxEmailLength + 1, address.Length);

        // Act
        var valid = TextRules.IsEmail(address);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("x")]
    [InlineData("李@例子")]
    [InlineData("a b@c.com")]
    [InlineData("Name <a@b.com>")]
    [InlineData("<a@b.com>")]
    [InlineData("a@b.com.")]
    [InlineData("a@.b.com")]
    [InlineData("a@b..com")]
    [InlineData("a..b@c.com")]
    [InlineData("@c.com")]
    [InlineData("a@")]
    [InlineData("a@b.com,c@d.com")]
    [InlineData("a@b.com;c@d.com")]
    [InlineData("a@b.com\r\nBcc: c@d.com")]
    [InlineData("a@b.com\n")]
    [InlineData("a\u0000@b.com")]
    [InlineData("a@b.com\u3000")]
    [InlineData("ops/psirt@b.com")]
    public void IsEmail_NotOnePlainAddress_ReturnsFalse(string address)
    {
        // Arrange
        // (the input is the address)

        // Act
        var valid = TextRules.IsEmail(address);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData(null, "is required.")]
    [InlineData("", "is required.")]
    [InlineData("a@b", "must be a valid e-mail address.")]
    public void RequireEmail_BadValue_AddsMessageUnderField(string? value, string expected)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireEmail(errors, "reporter.email", value);

        // Assert
        Assert.Equal([expected], errors.ToDictionary()["reporter.email"]);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF \u200D")]
    [InlineData(" \u2060\t")]
    [InlineData("\u0000")]
    public void RequireText_OnlyInvisibleCharacters_IsRequired(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireText(errors, "justification", value, 2000);
        TextRules.RequireLine(errors, "title", value, 200);

        // Assert
        Assert.Equal(["is required."], errors.ToDictionary()["justification"]);
        Assert.Equal(["is required."], errors.ToDictionary()["title"]);
    }

    [Theory]
    [InlineData("\u200Bfix\u200B", true)]
    [InlineData("修复", true)]
    [InlineData("🔧", true)]
    [InlineData("\u200B\u200C", false)]
    [InlineData("\U000E0041\U000E0042", false)]
    [InlineData(null, false)]
    public void HasVisibleText_Value_TrueOnlyWithAVisibleCharacter(string? value, bool expected)
    {
        // Act
        var visible = TextRules.HasVisibleText(value);

        // Assert
        Assert.Equal(expected, visible);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Upgrade to 2.3.2.\nOr disable the admin UI.")]
    public void OptionalText_AbsentBlankOrText_NoError(string? value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.OptionalText(errors, "fix", value, 100);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void OptionalText_ControlCharacter_ErrorUnderField()
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.OptionalText(errors, "fix", "Upgrade\u0000", 100);

        // Assert
        Assert.Equal(["must not contain control characters."], errors.ToDictionary()["fix"]);
    }

    [Theory]
    [InlineData("李伟")]
    [InlineData("Router X 路由器")]
    [InlineData("2.3.1-beta+build.7")]
    public void RequireLine_OneLine_NoError(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireLine(errors, "product.name", value, 200);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a\rb")]
    [InlineData("a\tb")]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u009Fb")]
    public void RequireLine_ControlCharacter_ErrorUnderField(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireLine(errors, "product.name", value, 200);

        // Assert
        Assert.Equal(["product.name"], errors.Fields());
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("windows\r\nline")]
    [InlineData("\tindented")]
    [InlineData("中文描述\n第二行")]
    public void RequireText_LineBreaksAndTabs_NoError(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireText(errors, "description", value, 1000);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("a\u000Bb")]
    [InlineData("a\u000Cb")]
    [InlineData("a\u001Bb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    public void RequireText_OtherControlCharacter_ErrorUnderField(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireText(errors, "description", value, 1000);

        // Assert
        Assert.Equal(["description"], errors.Fields());
    }

    [Fact]
    public void RequireText_TooLongWithControlCharacter_BothMessages()
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireText(errors, "harm", "\u0000" + new string('a', 10), 10);

        // Assert
        Assert.Equal(2, errors.ToDictionary()["harm"].Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Lab")]
    public void OptionalLine_AbsentOrOneLine_NoError(string? value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.OptionalLine(errors, "reporter.organization", value, 200);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("CN")]
    [InlineData("US")]
    public void RequireCountry_Alpha2Capitals_NoError(string value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireCountry(errors, "reporter.country", value);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cn")]
    [InlineData("Cn")]
    [InlineData("CHN")]
    [InlineData("C")]
    [InlineData("中国")]
    [InlineData("ＣＮ")]
    [InlineData("CN\n")]
    public void RequireCountry_NotAlpha2Capitals_ErrorUnderField(string? value)
    {
        // Arrange
        var errors = new FieldErrors();

        // Act
        TextRules.RequireCountry(errors, "reporter.country", value);

        // Assert
        Assert.Equal(["reporter.country"], errors.Fields());
    }
}
