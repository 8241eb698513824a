using System.Net;
using System.Text.Json.Nodes;
using DurableVulns.Testing;

namespace DurableVulns.Workflows.Tests.Disclosure;

/// <summary>The Art. 9 publication gate through the real host: each refusal names its article.</summary>
public sealed class PublicationGateTests(DurableVulnsHost host) : IClassFixture<DurableVulnsHost>
{
    [Fact]
    public async Task Publish_BeforePatchWithoutApprovedDisclosure_RefusedUnderArt91()
    {
        // Arrange
        var id = await host.AssessedCaseAsync();

        // Act
        var response = await host.ActAsync(id, "publication", SampleRequests.Advisory());

        // Assert
        await AssertRefusedAsync(response, "Art. 9(1)");
        Assert.True((await host.StatusAsync(id))["embargoed"]!.GetValue<bool>());
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "fix", "Art. 9(5)" },
        { "invisible-fix", "Art. 9(5)" },
        { "containsExploitCode", "Art. 9(4)" },
        { "containsOperatorSystemDetails", "Art. 9(2)" },
        { "overseas", "Art. 9(7)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Publish_AfterPatchBreakingARule_RefusedNamingTheArticle(string breach, string article)
    {
        // Arrange
        var id = await PatchedCaseAsync(submitted: true);
        var advisory = breach == "overseas"
            ? SampleRequests.Advisory(("customers@acme.example.cn", "CN"), ("psirt@partner.example.com", "US"))
            : SampleRequests.Advisory();
        if (breach == "fix") advisory["fix"] = " ";
        if (breach == "invisible-fix") advisory["fix"] = "\u200B\uFEFF";
        if (breach.StartsWith("contains", StringComparison.Ordinal)) advisory[breach] = true;

        // Act
        var response = await host.ActAsync(id, "publication", advisory);

        // Assert
        await AssertRefusedAsync(response, article);
        var status = await host.StatusAsync(id);
        Assert.False(status.Has("Published"));
        Assert.DoesNotContain(host.MailFiles(), m => m.Contains(id + "/advisory/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_AfterPatchAndSubmission_PublishesThenClosesByItself()
    {
        // Arrange
        var id = await PatchedCaseAsync(submitted: true);

        // Act
        var response = await host.ActAsync(id, "publication", SampleRequests.Advisory());
        var status = await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Closed", status["stage"]!.GetValue<string>());
        Assert.Equal("Published", status["publication"]!["state"]!.GetValue<string>());
        Assert.Equal(["Published", "Closed"], status.TimelineTypes().TakeLast(2));
        var advisory = host.MailFiles().Single(m => m.Contains(id + "/advisory/customers@acme.example.cn", StringComparison.Ordinal));
        Assert.Contains("升级到 2.3.2", MailReader.Body(advisory), StringComparison.Ordinal);
        var again = await host.ActAsync(id, "publication", SampleRequests.Advisory());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Publish_AfterPatchBeforeSubmission_PublishesAndStaysOpenUntilSubmitted()
    {
        // Arrange
        var id = await PatchedCaseAsync(submitted: false);

        // Act
        var published = await host.ActAsync(id, "publication", SampleRequests.Advisory());
        var open = await host.StatusAsync(id);
        await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var closed = await host.WaitForAsync(id, s => s.Has("Closed"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("PatchReleased", open["stage"]!.GetValue<string>());
        Assert.Equal("Closed", closed["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_InvalidAdvisory_Returns400NamingFields()
    {
        // Arrange
        var id = await PatchedCaseAsync(submitted: true);
        var advisory = SampleRequests.Advisory(("not-an-address", "China"));
        advisory.Remove("containsExploitCode");

        // Act
        var response = await host.ActAsync(id, "publication", advisory);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.NotNull(errors["recipients[0].address"]);
        Assert.NotNull(errors["recipients[0].country"]);
        Assert.NotNull(errors["containsExploitCode"]);
    }

    private async Task<string> PatchedCaseAsync(bool submitted)
    {
        var id = await host.AssessedCaseAsync();
        if (submitted) await host.ActAsync(id, "miit-submission", SampleRequests.Submission());
        var patched = await host.ActAsync(id, "patch", SampleRequests.Patch());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        return id;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string article)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(article, problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(article, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
