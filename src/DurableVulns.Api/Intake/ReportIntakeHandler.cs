using System.Security.Cryptography;
using System.Text;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Domain.Validation;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Orchestrators;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Intake;

/// <summary>
/// <c>POST /api/reports</c>: validates a report, logs the attempt (Art. 5), creates the case
/// and starts its orchestration. Invalid input writes nothing but the intake log line.
/// </summary>
public sealed class ReportIntakeHandler(
    PolicyProvider policies,
    ICaseStore cases,
    IAuditLog audit,
    IIntakeLog intakeLog,
    IIdempotencyStore idempotency,
    IWorkflowClient workflows,
    TimeProvider time)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var now = time.GetUtcNow().UtcDateTime;

        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        if (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
            return await RejectAsync(http, now, Problems.Field(IdempotencyHeader, $"must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters."), "idempotency-key");

        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(http.Request, cancellationToken);
        if (!body.Succeeded) return await RejectAsync(http, now, body.Problem!, body.RejectReason);

        var errors = ReportValidator.Validate(body.Value);
        if (!errors.IsEmpty)
            return await RejectAsync(http, now, Problems.Validation(errors), "invalid:" + string.Join(',', errors.ToDictionary().Keys));

        var report = body.Value!;
        var caseId = Guid.NewGuid().ToString("N");
        var outcome = "Accepted";
        if (idempotencyKey.Length > 0)
        {
            var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.RawText)));
            var claim = await idempotency.ClaimAsync(idempotencyKey, new IdempotencyClaim(caseId, bodyHash), cancellationToken);
            if (claim.BodyHash != bodyHash)
                return await RejectAsync(http, now, Problems.Status(StatusCodes.Status422UnprocessableEntity,
                    "This Idempotency-Key was used with a different report.", "Send a new key for a new report."), "idempotency-mismatch");
            if (claim.CaseId != caseId) (caseId, outcome) = (claim.CaseId, "Replayed");
        }

        // A replay finds the record its first attempt wrote and finishes whatever that attempt left undone.
        var policy = policies.Current;
        var record = await cases.GetAsync(caseId, cancellationToken) ?? new CaseRecord(
            caseId, now, report, policy.Version, policy.TimeZone, CaseStage.Received, MiitClock.Deadline(now, policy.MiitSubmission));
        await cases.CreateAsync(record, cancellationToken);
        await audit.AppendAsync(caseId, new AuditEntry("received", record.ReceivedAtUtc, TimelineTypes.Received, Articles.IntakeLog,
            $"Report received; MIIT deadline {record.MiitDeadlineUtc:O} under policy {record.PolicyVersion}.", "reporter"), cancellationToken);
        await workflows.StartAsync(nameof(ReportLifecycleOrchestrator), caseId,
            new ReportLifecycleInput(caseId, record.ReceivedAtUtc, policy, report.UpstreamComponent is not null), cancellationToken);
        await LogAsync(http, now, outcome, StatusCodes.Status202Accepted, caseId, null);

        var statusUrl = $"/api/reports/{caseId}";
        return Results.Json(new IntakeAccepted(caseId, statusUrl, CaseViews.Local(record, record.MiitDeadlineUtc)),
            statusCode: StatusCodes.Status202Accepted, contentType: "application/json; charset=utf-8")
            .WithLocation(statusUrl);
    }

    private async Task<IResult> RejectAsync(HttpContext http, DateTime now, IResult problem, string? reason)
    {
        var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        await LogAsync(http, now, "Rejected", status, null, reason);
        return problem;
    }

    private Task LogAsync(HttpContext http, DateTime now, string outcome, int status, string? caseId, string? reason) =>
        intakeLog.RecordAsync(new IntakeAttempt(
            now, outcome, status, caseId, Truncate(reason, 500),
            Truncate(http.Request.ContentType, 200), http.Request.ContentLength,
            http.Connection.RemoteIpAddress?.ToString()), CancellationToken.None);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
