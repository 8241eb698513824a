using DurableVulns.Api.Http;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Functions.Http;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace DurableVulns.Functions.Tests.Http;

public sealed class CaseFunctionsTests : IDisposable
{
    private readonly FunctionsTestHost host = new();
    private readonly IServiceScope invocation;
    private readonly Mock<DurableTaskClient> durable = new(MockBehavior.Strict, "test");

    public CaseFunctionsTests()
    {
        invocation = host.Services.CreateScope();
        host.Cases.Records["case-1"] = Samples.Case();
    }

    private CaseFunctions Functions => host.CreateFunction<CaseFunctions>(invocation);

    public static TheoryData<string?> BadKeys => [null, "", "wrong-key", FunctionsTestHost.ApiKey + " "];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task AssessCase_MissingOrWrongApiKey_Returns401AndNeverTouchesTheClient(string? key)
    {
        // Arrange
        var request = FunctionsTestHost.Request("POST", Samples.Assessment(), key);

        // Act
        var response = await host.ExecuteAsync(await Functions.AssessCase(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.Equal(ApiKeyFilter.HeaderName, response.Headers.WWWAuthenticate.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType);
        durable.VerifyNoOtherCalls();
        Assert.Null(host.Cases.Records["case-1"].Assessment);
    }

    [Fact]
    public async Task CloseCase_NoApiKeyConfigured_Returns401EvenForAnEmptyKey()
    {
        // Arrange: with no key configured every PSIRT call is refused, as in the standalone host.
        using var unconfigured = new FunctionsTestHost(new Dictionary<string, string?> { ["DurableVulns:ApiKey"] = "" });
        using var scope = unconfigured.Services.CreateScope();
        var request = FunctionsTestHost.Request("POST", apiKey: "");

        // Act
        var result = await unconfigured.CreateFunction<CaseFunctions>(scope).CloseCase(request, "case-1", durable.Object);
        var response = await unconfigured.ExecuteAsync(result, request);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        durable.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task GetCase_WrongApiKey_Returns401()
    {
        // Arrange
        var request = FunctionsTestHost.Request("GET", apiKey: "wrong-key");

        // Act
        var response = await host.ExecuteAsync(await Functions.GetCase(request, "case-1"), request);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetCase_ValidKey_ReturnsTheCaseStatus()
    {
        // Arrange
        var request = FunctionsTestHost.Request("GET", apiKey: FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.GetCase(request, "case-1"), request);

        // Assert
        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Contains("\"case-1\"", FunctionsTestHost.BodyOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMiitPackage_ValidKeyUnknownCase_Returns404()
    {
        // Arrange
        var request = FunctionsTestHost.Request("GET", apiKey: FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.GetMiitPackage(request, "no-such-case"), request);

        // Assert
        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AssessCase_ValidKeyAndBody_RaisesTheAssessmentEventOnTheCasesInstance()
    {
        // Arrange
        CaseWorkflowRunning();
        durable.Setup(c => c.RaiseEventAsync("case-1", EventNames.Assessment, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var request = FunctionsTestHost.Request("POST", Samples.Assessment(), FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.AssessCase(request, "case-1", durable.Object), request);

        // Assert: nothing applies the event here, so the action is reported queued.
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        durable.Verify(c => c.RaiseEventAsync("case-1", EventNames.Assessment, It.Is<object?>(p => IsAssessment(p)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReleasePatch_ValidKeyButCaseNotAssessed_Returns409AndRaisesNothing()
    {
        // Arrange
        var request = FunctionsTestHost.Request("POST", new PatchRelease("2.3.2", "Upgrade to 2.3.2."), FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.ReleasePatch(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        durable.VerifyNoOtherCalls();
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task RequestDisclosure_MissingOrWrongApiKey_Returns401AndNeverTouchesTheClient(string? key)
    {
        // Arrange
        var request = FunctionsTestHost.Request("POST", Samples.DisclosureRequest(), key);

        // Act
        var response = await host.ExecuteAsync(await Functions.RequestDisclosure(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.Equal(ApiKeyFilter.HeaderName, response.Headers.WWWAuthenticate.ToString());
        durable.VerifyNoOtherCalls();
        Assert.Null(host.Cases.Records["case-1"].Disclosure);
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task PublishAdvisory_MissingOrWrongApiKey_Returns401AndNeverTouchesTheClient(string? key)
    {
        // Arrange
        host.Cases.Records["case-1"] = Samples.Case() with { Stage = CaseStage.PatchReleased };
        var request = FunctionsTestHost.Request("POST", Samples.Advisory(), key);

        // Act
        var response = await host.ExecuteAsync(await Functions.PublishAdvisory(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.Equal(ApiKeyFilter.HeaderName, response.Headers.WWWAuthenticate.ToString());
        durable.VerifyNoOtherCalls();
        Assert.Null(host.Cases.Records["case-1"].Publication);
    }

    [Fact]
    public async Task RequestDisclosure_ValidKeyAndBody_RaisesTheDisclosureRequestEventOnTheCasesInstance()
    {
        // Arrange
        CaseWorkflowRunning();
        durable.Setup(c => c.RaiseEventAsync("case-1", EventNames.DisclosureRequest, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var request = FunctionsTestHost.Request("POST", Samples.DisclosureRequest(), FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.RequestDisclosure(request, "case-1", durable.Object), request);

        // Assert: nothing applies the event here, so the action is reported queued.
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal("/api/reports/case-1", response.Headers.Location.ToString());
        durable.Verify(c => c.RaiseEventAsync("case-1", EventNames.DisclosureRequest, It.Is<object?>(p => IsDisclosureRequest(p)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAdvisory_ValidKeyAfterThePatch_RaisesThePublicationEventOnTheCasesInstance()
    {
        // Arrange
        host.Cases.Records["case-1"] = Samples.Case() with { Stage = CaseStage.PatchReleased };
        CaseWorkflowRunning();
        durable.Setup(c => c.RaiseEventAsync("case-1", EventNames.Publication, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var request = FunctionsTestHost.Request("POST", Samples.Advisory(), FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.PublishAdvisory(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        durable.Verify(c => c.RaiseEventAsync("case-1", EventNames.Publication, It.Is<object?>(p => IsPublication(p)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PublishAdvisory_ValidKeyDuringTheEmbargo_Returns409AndRaisesNothing()
    {
        // Arrange: case-1 is only received, so the Art. 9(1) embargo holds.
        var request = FunctionsTestHost.Request("POST", Samples.Advisory(), FunctionsTestHost.ApiKey);

        // Act
        var response = await host.ExecuteAsync(await Functions.PublishAdvisory(request, "case-1", durable.Object), request);

        // Assert
        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
        Assert.Contains("Art. 9(1)", FunctionsTestHost.BodyOf(response), StringComparison.Ordinal);
        durable.VerifyNoOtherCalls();
    }

    private static bool IsDisclosureRequest(object? payload) =>
        payload is PsirtAction<DisclosureRequest> action && action.Body == Samples.DisclosureRequest() && action.Actor == "psirt-api";

    private static bool IsPublication(object? payload) =>
        payload is PsirtAction<PublicationCommand> action && action.Body.Advisory.Title == Samples.Advisory().Title && action.Actor == "psirt-api";

    private static bool IsAssessment(object? payload) =>
        payload is PsirtAction<Assessment> action && action.Body.Severity == Samples.Assessment().Severity && action.Actor == "psirt-api";

    public void Dispose()
    {
        invocation.Dispose();
        host.Dispose();
    }

    // The action is sent only to a started orchestration (an event raised earlier could be dropped).
    private void CaseWorkflowRunning() =>
        durable.Setup(c => c.GetInstanceAsync("case-1", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(ReportLifecycleOrchestrator), "case-1") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
}
