using DurableVulns.Domain.Reports;

namespace DurableVulns.Domain.Tests.Reports;

public sealed class MiitPackageTests
{
    [Fact]
    public void MissingFields_NoAssessment_ListsCharacteristicsHarmAndScope()
    {
        // Arrange
        var package = MiitPackage.From(Samples.Report(), null);

        // Act
        var missing = package.MissingFields();

        // Assert
        Assert.Equal(["technicalCharacteristics", "harm", "scope"], missing);
    }

    [Fact]
    public void MissingFields_WithAssessment_Empty()
    {
        // Arrange
        var package = MiitPackage.From(Samples.Report(), Samples.Assessment());

        // Act
        var missing = package.MissingFields();

        // Assert
        Assert.Empty(missing);
    }

    [Fact]
    public void MissingFields_BlankHarm_ListsHarm()
    {
        // Arrange
        var package = MiitPackage.From(Samples.Report(), Samples.Assessment() with { Harm = "  " });

        // Act
        var missing = package.MissingFields();

        // Assert
        Assert.Equal(["harm"], missing);
    }

    [Fact]
    public void From_ReportAndAssessment_CarriesArt7_2Fields()
    {
        // Arrange
        var report = Samples.Report();
        var assessment = Samples.Assessment();

        // Act
        var package = MiitPackage.From(report, assessment);

        // Assert
        Assert.Equal("Router X", package.ProductName);
        Assert.Equal("RX-100", package.Model);
        Assert.Equal("2.3.1", package.Version);
        Assert.Equal(["2.3.0", "2.3.1"], package.AffectedVersions!);
        Assert.Equal(assessment.Severity, package.Severity);
        Assert.Equal(assessment.TechnicalCharacteristics, package.TechnicalCharacteristics);
        Assert.Equal(assessment.Harm, package.Harm);
        Assert.Equal(assessment.Scope, package.Scope);
    }

    [Fact]
    public void From_NoAssessment_AssessmentFieldsNull()
    {
        // Arrange
        var report = Samples.Report();

        // Act
        var package = MiitPackage.From(report, null);

        // Assert
        Assert.Equal("Router X", package.ProductName);
        Assert.Null(package.AffectedVersions);
        Assert.Null(package.Severity);
        Assert.Null(package.TechnicalCharacteristics);
        Assert.Null(package.Harm);
        Assert.Null(package.Scope);
    }
}
