using System.Security.Cryptography;
using System.Text;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Http;
using DurableVulns.Domain.Reports;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Intake;

/// <summary>
/// <c>POST /api/reports</c>: reads the JSON report and its Idempotency-Key and hands it to
/// <see cref="ReportIntake"/>; every refusal is an RFC 7807 problem and an intake-log line.
/// </summary>
public sealed class ReportIntakeHandler(ReportIntake intake)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 200;

    public async Task<IResult> HandleAsync(HttpContext http)
    {
        var idempotencyKey = http.Request.Headers[IdempotencyHeader].ToString();
        var channel = new IntakeChannel(idempotencyKey, http.Request.ContentType, http.Request.ContentLength, http.Connection.RemoteIpAddress?.ToString());
        if (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(c => c < 0x21 || c > 0x7E))
            return await RejectAsync(channel, Problems.Field(IdempotencyHeader, $"must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters."), "idempotency-key");

        var body = await JsonBodyReader.ReadAsync<ReportSubmission>(http.Request, http.RequestAborted);
        if (!body.Succeeded) return await RejectAsync(channel, body.Problem!, body.RejectReason);

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body.RawText)));
        var outcome = await intake.AcceptAsync(body.Value, bodyHash, channel);
        if (outcome.Errors is not null) return Problems.Validation(outcome.Errors);
        if (outcome.IdempotencyMismatch)
            return Problems.Status(StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was used with a different report.", "Send a new key for a new report.");

        var record = outcome.Case!;
        var statusUrl = $"/api/reports/{record.Id}";
        return Results.Json(new IntakeAccepted(record.Id, statusUrl, CaseViews.Local(record, record.MiitDeadlineUtc)),
            statusCode: StatusCodes.Status202Accepted, contentType: "application/json; charset=utf-8")
            .WithLocation(statusUrl);
    }

    private async Task<IResult> RejectAsync(IntakeChannel channel, IResult problem, string? reason)
    {
        var status = problem is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        await intake.RejectAsync(channel, status, reason);
        return problem;
    }
}
