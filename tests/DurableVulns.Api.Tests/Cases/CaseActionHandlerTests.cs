using DurableVulns.Api.Cases;
using DurableVulns.Api.Tests.Approvals;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;
using Microsoft.Extensions.Options;
using Moq;

namespace DurableVulns.Api.Tests.Cases;

public sealed class CaseActionHandlerTests
{
    private const string AssessmentBody = """
        { "severity": "7.5", "affectedVersions": ["3.2.0", "3.2.1"], "technicalCharacteristics": "Stack overflow",
          "harm": "Remote code execution", "scope": "Internet-facing routers" }
        """;

    private readonly Mock<IWorkflowClient> workflows = new(MockBehavior.Strict);
    private readonly Mock<IAuditLog> audit = new();
    private readonly List<string> calls = [];

    [Fact]
    public async Task AssessAsync_WorkflowStillPending_RaisesOnlyOnceRunning()
    {
        var statuses = new Queue<string?>([null, "Pending", "Running"]);
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => { var status = statuses.Dequeue(); calls.Add("status:" + status); return status; });
        workflows.Setup(w => w.RaiseEventAsync(ApprovalSamples.CaseId, It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("raise")).Returns(Task.CompletedTask);

        var result = await TestHttp.ExecuteAsync(await Handler(TimeSpan.FromMilliseconds(400)).AssessAsync(ApprovalSamples.CaseId, TestHttp.Request(AssessmentBody)));

        Assert.Equal(["status:", "status:Pending", "status:Running", "raise"], calls);
        Assert.Equal(202, result.Status);
    }

    [Fact]
    public async Task AssessAsync_WorkflowNeverStarts_Answers503WithRetryAfterAndRaisesNothing()
    {
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Pending");

        var result = await TestHttp.ExecuteAsync(await Handler(TimeSpan.FromMilliseconds(200)).AssessAsync(ApprovalSamples.CaseId, TestHttp.Request(AssessmentBody)));

        Assert.Equal(503, result.Status);
        Assert.Equal("5", result.Headers.RetryAfter.ToString());
        workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AssessAsync_WorkflowEnded_Answers409AndRaisesNothing()
    {
        workflows.Setup(w => w.GetStatusAsync(ApprovalSamples.CaseId, It.IsAny<CancellationToken>())).ReturnsAsync("Terminated");

        var result = await TestHttp.ExecuteAsync(await Handler(TimeSpan.FromMilliseconds(200)).AssessAsync(ApprovalSamples.CaseId, TestHttp.Request(AssessmentBody)));

        Assert.Equal(409, result.Status);
        Assert.Contains("Terminated", result.Json.GetProperty("detail").GetString());
        workflows.Verify(w => w.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private CaseActionHandler Handler(TimeSpan actionWait)
    {
        var options = Options.Create(new ApiOptions { ActionWait = actionWait });
        var record = ApprovalSamples.Case() with { Stage = CaseStage.Received, Disclosure = null, Publication = null };
        return new CaseActionHandler(new SingleCaseStore(record), audit.Object, workflows.Object, new PolicyProvider(options), options, TimeProvider.System);
    }
}
