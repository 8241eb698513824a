using DurableVulns.Api.Intake;
using DurableVulns.Functions.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableVulns.Functions.Http;

/// <summary><c>POST /api/reports</c>, anonymous: the shared intake handler with this invocation's durable client.</summary>
public sealed class ReportIntakeFunction(ReportIntakeHandler intake, InvocationWorkflowClient workflows)
{
    [Function(nameof(SubmitReport))]
    public Task<IResult> SubmitReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/reports")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        workflows.Use(client);
        return intake.HandleAsync(request.HttpContext);
    }
}
