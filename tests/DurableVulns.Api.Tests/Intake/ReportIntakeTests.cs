using DurableVulns.Api.Intake;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace DurableVulns.Api.Tests.Intake;

public sealed class ReportIntakeTests
{
    private static readonly DateTime FirstAttempt = new(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);

    private static readonly ReportSubmission Report = new(
        new Reporter("李伟", "liwei@lab.example.cn", "Lab", "CN"), new Product("Acme", "Router X", "RX-100", "2.3.1"),
        "Stack overflow in web admin", "A long enough description of the flaw.", null);

    [Fact]
    public async Task AcceptAsync_ReplayRacingItsFirstAttempt_AnswersAndStartsWithTheStoredRecordsClock()
    {
        // Arrange: the first attempt claimed the key; its record lands while the retry, 30 s later, builds
        // its own, so the retry's insert finds it.
        var stored = new CaseRecord("case-1", FirstAttempt, Report, "rmsv-2021.2", "Asia/Shanghai", CaseStage.Received, FirstAttempt.AddHours(48));
        var idempotency = new Mock<IIdempotencyStore>();
        idempotency.Setup(i => i.ClaimAsync("key-1", It.IsAny<IdempotencyClaim>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdempotencyClaim("case-1", "body-hash"));
        var firstLanded = false;
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.Fits(It.IsAny<CaseRecord>(), It.IsAny<int>())).Returns(true);
        cases.Setup(c => c.CreateAsync(It.IsAny<CaseRecord>(), It.IsAny<CancellationToken>())).Callback(() => firstLanded = true).ReturnsAsync(false);
        cases.Setup(c => c.GetAsync("case-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => firstLanded ? stored : null);
        var workflows = new Mock<IWorkflowClient>();
        var intake = new ReportIntake(new PolicyProvider(Options.Create(new ApiOptions())), cases.Object, Mock.Of<IAuditLog>(), Mock.Of<IIntakeLog>(),
            idempotency.Object, workflows.Object, new FakeTimeProvider(new DateTimeOffset(FirstAttempt.AddSeconds(30))));

        // Act
        var outcome = await intake.AcceptAsync(Report, "body-hash", new IntakeChannel("key-1", "application/json", 100, "127.0.0.1"));

        // Assert
        Assert.Equal(stored, outcome.Case);
        workflows.Verify(w => w.StartAsync(It.IsAny<string>(), "case-1",
            It.Is<ReportLifecycleInput>(input => input.ReceivedAtUtc == FirstAttempt), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AcceptAsync_FirstAttemptWhoseInsertLostToItsRetry_AnswersAndStartsWithTheStoredRecordsClock()
    {
        // Arrange: the retry (same key) stored its record first; this attempt's insert finds it.
        var stored = new CaseRecord("case-1", FirstAttempt.AddSeconds(30), Report, "rmsv-2021.2", "Asia/Shanghai", CaseStage.Received, FirstAttempt.AddHours(48).AddSeconds(30));
        var idempotency = new Mock<IIdempotencyStore>();
        idempotency.Setup(i => i.ClaimAsync("key-1", It.IsAny<IdempotencyClaim>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, IdempotencyClaim claim, CancellationToken _) => claim);
        var cases = new Mock<ICaseStore>();
        cases.Setup(c => c.Fits(It.IsAny<CaseRecord>(), It.IsAny<int>())).Returns(true);
        cases.Setup(c => c.CreateAsync(It.IsAny<CaseRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        cases.Setup(c => c.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        var workflows = new Mock<IWorkflowClient>();
        var intake = new ReportIntake(new PolicyProvider(Options.Create(new ApiOptions())), cases.Object, Mock.Of<IAuditLog>(), Mock.Of<IIntakeLog>(),
            idempotency.Object, workflows.Object, new FakeTimeProvider(new DateTimeOffset(FirstAttempt)));

        // Act
        var outcome = await intake.AcceptAsync(Report, "body-hash", new IntakeChannel("key-1", "application/json", 100, "127.0.0.1"));

        // Assert
        Assert.Equal(stored, outcome.Case);
        workflows.Verify(w => w.StartAsync(It.IsAny<string>(), It.IsAny<string>(),
            It.Is<ReportLifecycleInput>(input => input.ReceivedAtUtc == stored.ReceivedAtUtc), It.IsAny<CancellationToken>()), Times.Once);
    }
}
