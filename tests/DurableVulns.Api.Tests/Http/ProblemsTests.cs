using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Domain.Validation;

namespace DurableVulns.Api.Tests.Http;

public sealed class ProblemsTests
{
    [Fact]
    public async Task Validation_FieldErrors_Writes400ProblemWithErrorsDictionary()
    {
        // Arrange
        var errors = new FieldErrors();
        errors.Add("reporter.email", "must be a valid e-mail address.");
        errors.Add("title", "is required.");
        errors.Add("title", "must be one line without control characters.");

        // Act
        var result = await TestHttp.ExecuteAsync(Problems.Validation(errors));

        // Assert
        Assert.Equal(400, result.Status);
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
        Assert.Equal(400, result.Json.GetProperty("status").GetInt32());
        Assert.Equal("The request has invalid fields.", result.Json.GetProperty("title").GetString());
        Assert.Equal(["reporter.email", "title"], result.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(["must be a valid e-mail address."], result.Errors("reporter.email"));
        Assert.Equal(["is required.", "must be one line without control characters."], result.Errors("title"));
    }

    [Fact]
    public async Task Field_OneMessage_KeepsTheFieldPathAsWritten()
    {
        // Arrange
        var field = "upstreamComponent.providerEmail";

        // Act
        var result = await TestHttp.ExecuteAsync(Problems.Field(field, "is required."));

        // Assert
        Assert.Equal(400, result.Status);
        Assert.Equal([field], result.ErrorFields());
        Assert.Equal(["is required."], result.Errors(field));
    }

    [Fact]
    public async Task Refused_Conflict_Writes409WithTitleDetailAndExtensions()
    {
        // Arrange
        var extensions = new Dictionary<string, object?> { ["missingFields"] = new[] { "harm", "scope" } };

        // Act
        var result = await TestHttp.ExecuteAsync(Problems.Refused(ActionRefusal.Conflict("The MIIT package lacks: harm, scope.", extensions)));

        // Assert
        Assert.Equal(409, result.Status);
        Assert.Equal("The case does not allow this action now.", result.Json.GetProperty("title").GetString());
        Assert.Equal("The MIIT package lacks: harm, scope.", result.Json.GetProperty("detail").GetString());
        Assert.Equal(["harm", "scope"], result.Json.GetProperty("missingFields").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task NotFound_ShortId_Writes404NamingTheId()
    {
        // Arrange
        var id = "DV-2025-0001";

        // Act
        var result = await TestHttp.ExecuteAsync(Problems.NotFound(id));

        // Assert
        Assert.Equal(404, result.Status);
        Assert.Equal("There is no case 'DV-2025-0001'.", result.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NotFound_IdLongerThan64_ShortensItInTheDetail()
    {
        // Arrange
        var id = new string('x', 64) + "-tail-that-is-cut";

        // Act
        var result = await TestHttp.ExecuteAsync(Problems.NotFound(id));

        // Assert
        Assert.Equal($"There is no case '{new string('x', 64)}…'.", result.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Status_TitleOnly_WritesStatusAndTitleWithoutDetail()
    {
        // Arrange
        var problem = Problems.Status(429, "Too many reports from this address; retry later.");

        // Act
        var result = await TestHttp.ExecuteAsync(problem);

        // Assert
        Assert.Equal(429, result.Status);
        Assert.Equal("Too many reports from this address; retry later.", result.Json.GetProperty("title").GetString());
        Assert.False(result.Json.TryGetProperty("detail", out _));
    }
}
