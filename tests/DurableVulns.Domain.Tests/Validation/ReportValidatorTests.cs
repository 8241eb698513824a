using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Domain.Tests.Validation;

public sealed class ReportValidatorTests
{
    [Fact]
    public void Validate_SampleReport_HasNoErrors()
    {
        // Arrange
        var report = Samples.Report();

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.True(errors.IsEmpty);
        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public void Validate_OptionalFieldsAbsent_HasNoErrors()
    {
        // Arrange
        var sample = Samples.Report();
        var report = sample with
        {
            Reporter = sample.Reporter with { Organization = null },
            Product = sample.Product with { Model = null },
            UpstreamComponent = null,
        };

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("reporter.name", "王小明")]
    [InlineData("reporter.name", "Zoë O'Brien-Łukasz")]
    [InlineData("reporter.organization", "中国科学院信息工程研究所")]
    [InlineData("product.name", "路由器 X")]
    [InlineData("title", "命令注入")]
    [InlineData("reporter.country", "HK")]
    [InlineData("upstreamComponent.providerEmail", "psirt@sub.libfoo.example.org")]
    public void Validate_OtherValidValue_HasNoErrors(string field, string value)
    {
        // Arrange
        var report = WithField(Samples.Report(), field, value);

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Validate_FieldsAtMaximumLength_HasNoErrors()
    {
        // Arrange
        var sample = Samples.Report();
        var report = sample with
        {
            Title = new string('漏', ReportValidator.MaxLineLength),
            Description = new string('x', ReportValidator.MaxDescriptionLength),
        };

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("reporter.name", null)]
    [InlineData("reporter.name", "")]
    [InlineData("reporter.name", "   ")]
    [InlineData("reporter.name", "李\n伟")]
    [InlineData("reporter.name", "李伟\u0000")]
    [InlineData("reporter.email", null)]
    [InlineData("reporter.email", "")]
    [InlineData("reporter.email", "a@b")]
    [InlineData("reporter.email", "liwei")]
    [InlineData("reporter.email", "李伟 <liwei@lab.example.cn>")]
    [InlineData("reporter.organization", "Lab\u0007")]
    [InlineData("reporter.organization", "Lab\r\nBcc: x@y.example")]
    [InlineData("reporter.country", null)]
    [InlineData("reporter.country", "cn")]
    [InlineData("reporter.country", "CHN")]
    [InlineData("reporter.country", "中国")]
    [InlineData("product.vendor", "")]
    [InlineData("product.name", null)]
    [InlineData("product.name", "")]
    [InlineData("product.name", "Router\tX")]
    [InlineData("product.model", "RX-100\u001B[2J")]
    [InlineData("product.version", " ")]
    [InlineData("title", null)]
    [InlineData("title", "line one\nline two")]
    [InlineData("description", null)]
    [InlineData("description", "\n\t ")]
    [InlineData("description", "see \u0008attachment")]
    [InlineData("upstreamComponent.name", "")]
    [InlineData("upstreamComponent.name", "lib\u007Ffoo")]
    [InlineData("upstreamComponent.providerEmail", null)]
    [InlineData("upstreamComponent.providerEmail", "security@libfoo")]
    [InlineData("upstreamComponent.providerEmail", "security@libfoo.example, cc@evil.example")]
    public void Validate_BadField_ErrorUnderThatField(string field, string? value)
    {
        // Arrange
        var report = WithField(Samples.Report(), field, value);

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.Equal([field], errors.Fields());
    }

    [Theory]
    [InlineData("reporter.name", ReportValidator.MaxLineLength + 1)]
    [InlineData("reporter.organization", ReportValidator.MaxLineLength + 1)]
    [InlineData("product.vendor", ReportValidator.MaxLineLength + 1)]
    [InlineData("product.name", ReportValidator.MaxLineLength + 1)]
    [InlineData("product.model", ReportValidator.MaxLineLength + 1)]
    [InlineData("product.version", ReportValidator.MaxLineLength + 1)]
    [InlineData("title", ReportValidator.MaxLineLength + 1)]
    [InlineData("description", ReportValidator.MaxDescriptionLength + 1)]
    [InlineData("upstreamComponent.name", ReportValidator.MaxLineLength + 1)]
    public void Validate_FieldTooLong_ErrorUnderThatField(string field, int length)
    {
        // Arrange
        var report = WithField(Samples.Report(), field, new string('a', length));

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.Equal([field], errors.Fields());
    }

    [Fact]
    public void Validate_NullReport_ErrorAtRoot()
    {
        // Arrange
        ReportSubmission? report = null;

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.Equal(["$"], errors.Fields());
    }

    [Fact]
    public void Validate_NullReporterAndProduct_ErrorUnderEachObject()
    {
        // Arrange: an untrusted body may leave any member null.
        var report = Samples.Report() with { Reporter = null!, Product = null! };

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.Equal(["product", "reporter"], errors.Fields());
    }

    [Fact]
    public void Validate_SeveralBadFields_ErrorUnderEachField()
    {
        // Arrange
        var sample = Samples.Report();
        var report = sample with
        {
            Reporter = sample.Reporter with { Email = "x" },
            Product = sample.Product with { Name = "" },
            UpstreamComponent = sample.UpstreamComponent! with { ProviderEmail = "a@b" },
        };

        // Act
        var errors = ReportValidator.Validate(report);

        // Assert
        Assert.Equal(["product.name", "reporter.email", "upstreamComponent.providerEmail"], errors.Fields());
    }

    // The report with one field (by its JSON path) set to value.
    private static ReportSubmission WithField(ReportSubmission report, string field, string? value) => field switch
    {
        "reporter.name" => report with { Reporter = report.Reporter with { Name = value! } },
        "reporter.email" => report with { Reporter = report.Reporter with { Email = value! } },
        "reporter.organization" => report with { Reporter = report.Reporter with { Organization = value } },
        "reporter.country" => report with { Reporter = report.Reporter with { Country = value! } },
        "product.vendor" => report with { Product = report.Product with { Vendor = value! } },
        "product.name" => report with { Product = report.Product with { Name = value! } },
        "product.model" => report with { Product = report.Product with { Model = value } },
        "product.version" => report with { Product = report.Product with { Version = value! } },
        "title" => report with { Title = value! },
        "description" => report with { Description = value! },
        "upstreamComponent.name" => report with { UpstreamComponent = report.UpstreamComponent! with { Name = value! } },
        "upstreamComponent.providerEmail" => report with { UpstreamComponent = report.UpstreamComponent! with { ProviderEmail = value! } },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No such report field."),
    };
}
