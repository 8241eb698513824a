using DurableVulns.Api;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;
using DurableVulns.Domain.Rules;
using DurableVulns.Workflows.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableVulns.Functions.Tests.Engine;

/// <summary>
/// Orchestration and activity inputs cross the Functions worker's serializer (not the
/// standalone host's); each must come back as it went in.
/// </summary>
public sealed class WorkerSerializationTests : IDisposable
{
    private static readonly DateTime ReceivedAt = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private readonly FunctionsTestHost host = new();
    private readonly ServiceProvider worker;
    private readonly DataConverter converter;

    public WorkerSerializationTests()
    {
        var builder = new TestWorkerApplicationBuilder();
        builder.Services.AddFunctionsWorkerCore();
        builder.ConfigureDurableExtension();
        worker = builder.Services.BuildServiceProvider();
        converter = worker.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).DataConverter;
    }

    [Fact]
    public void DataConverter_LifecycleInputWithTheShippedPolicy_RoundTrips()
    {
        // Arrange
        var input = new ReportLifecycleInput("case-1", ReceivedAt, host.Services.GetRequiredService<PolicyProvider>().Current, true, ReportLifecycleInput.Current);

        // Act
        var json = converter.Serialize(input)!;
        var back = converter.Deserialize<ReportLifecycleInput>(json)!;

        // Assert: the extension's shim over the worker's ObjectSerializer, not a default converter.
        Assert.Equal("ObjectConverterShim", converter.GetType().Name);
        Assert.Equal(json, converter.Serialize(back));
        Assert.Equal(ReceivedAt, back.ReceivedAtUtc);
        Assert.Equal(DateTimeKind.Utc, back.ReceivedAtUtc.Kind);
        Assert.Equal(input.Policy.MiitSubmission.Deadline, back.Policy.MiitSubmission.Deadline);
    }

    [Fact]
    public void DataConverter_ActivityInputs_RoundTrip()
    {
        // Arrange
        var step = new ClockStepInput("case-1", new ClockStep(ClockStepKind.Escalation, 1, ReceivedAt.AddHours(44)));
        var action = new CaseActionInput<Domain.Reports.Assessment>("case-1", new PsirtAction<Domain.Reports.Assessment>("a1", "psirt-api", Samples.Assessment()));

        // Act
        var stepBack = converter.Deserialize<ClockStepInput>(converter.Serialize(step));
        var actionBack = converter.Deserialize<CaseActionInput<Domain.Reports.Assessment>>(converter.Serialize(action))!;

        // Assert
        Assert.Equal(step, stepBack);
        Assert.Equal(action.Action.Body.AffectedVersions, actionBack.Action.Body.AffectedVersions);
        Assert.Equal(action.Action with { Body = actionBack.Action.Body }, actionBack.Action);
    }

    [Fact]
    public void DataConverter_ReviewInputsAndEvents_RoundTrip()
    {
        // Arrange: the review sub-orchestration's input and outcome, a reviewer's decision (raised by
        // the approval page), and the PSIRT's publication and disclosure actions.
        var review = new ReviewInput("case-1", "rv-1", ReviewKind.EarlyDisclosure, [ReviewerRole.MIIT, ReviewerRole.MPS], ReceivedAt, ReviewPolicy.Default);
        var decision = new ReviewDecision(ReviewerRole.MPS, "reviewer@mps.example.cn", false, ReceivedAt.AddDays(1));
        var outcome = new ReviewOutcome(ReviewState.Rejected, [decision]);
        var publication = new PsirtAction<PublicationCommand>("a2", "psirt-api", new PublicationCommand(Samples.Advisory(), "National Day"));
        var disclosure = new PsirtAction<DisclosureRequest>("a3", "psirt-api", Samples.DisclosureRequest());

        // Act
        var reviewBack = converter.Deserialize<ReviewInput>(converter.Serialize(review))!;
        var decisionBack = converter.Deserialize<ReviewDecision>(converter.Serialize(decision));
        var outcomeBack = converter.Deserialize<ReviewOutcome>(converter.Serialize(outcome))!;
        var publicationBack = converter.Deserialize<PsirtAction<PublicationCommand>>(converter.Serialize(publication))!;
        var disclosureBack = converter.Deserialize<PsirtAction<DisclosureRequest>>(converter.Serialize(disclosure));

        // Assert
        Assert.Equal(review.Roles, reviewBack.Roles);
        Assert.Equal(review.Policy.Reminders, reviewBack.Policy.Reminders);
        Assert.Equal(review.ExpiresAtUtc, reviewBack.ExpiresAtUtc);
        Assert.Equal(DateTimeKind.Utc, reviewBack.RequestedAtUtc.Kind);
        Assert.Equal(review with { Roles = reviewBack.Roles, Policy = reviewBack.Policy }, reviewBack);
        Assert.Equal(decision, decisionBack);
        Assert.Equal(outcome.State, outcomeBack.State);
        Assert.Equal(decision, Assert.Single(outcomeBack.Decisions));
        Assert.Equal(publication.Body.Blackout, publicationBack.Body.Blackout);
        Assert.Equal(Samples.Advisory().Recipients, publicationBack.Body.Advisory.Recipients);
        Assert.Equal(publication.Body.Advisory with { Recipients = publicationBack.Body.Advisory.Recipients }, publicationBack.Body.Advisory);
        Assert.Equal(disclosure, disclosureBack);
    }

    public void Dispose()
    {
        worker.Dispose();
        host.Dispose();
    }
}
