using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DurableVulns.Api;
using DurableVulns.Api.Cases;
using DurableVulns.Api.Intake;
using DurableVulns.Domain.Reports;
using DurableVulns.Web.Portal;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace DurableVulns.Web.Pages.Report;

/// <summary>
/// The reporter's form: the fields of <c>POST /api/reports</c>, the same validation and intake log,
/// then a receipt with the case id and a private tracking link.
/// </summary>
[EnableRateLimiting(ApiServiceCollectionExtensions.IntakeRateLimit)]
public sealed class IndexModel(ReportIntake intake, ITrackingLinks trackingLinks) : PageModel
{
    /// <summary>The fields this form shows, by JSON path; errors on others are listed above the form.</summary>
    public static readonly string[] Fields =
    [
        "reporter.name", "reporter.email", "reporter.organization", "reporter.country",
        "product.vendor", "product.name", "product.model", "product.version",
        "title", "description", "upstreamComponent.name", "upstreamComponent.providerEmail",
    ];

    public FormFields Form { get; private set; } = new();

    /// <summary>Set once the report is accepted: the receipt is shown instead of the form.</summary>
    public Receipt? Accepted { get; private set; }

    public void OnGet()
    {
        Form.Set("reporter.country", "CN");
        Form.Set("submissionId", Guid.NewGuid().ToString("N"));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form = FormFields.From(Request.Form);
        var report = Read(Form);
        // The hidden submission id makes a double-click or a reload file one case, not two.
        var submissionId = Form["submissionId"];
        var channel = new IntakeChannel(
            submissionId.Length is > 0 and <= 64 && submissionId.All(char.IsAsciiLetterOrDigit) ? "portal-" + submissionId : null,
            Request.ContentType, Request.ContentLength, HttpContext.Connection.RemoteIpAddress?.ToString());
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(report))));

        var outcome = await intake.AcceptAsync(report, bodyHash, channel);
        if (outcome.Errors is not null)
        {
            Form.AddErrors(outcome.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (outcome.IdempotencyMismatch)
        {
            // The same form page posted again with other content: give it a fresh id and ask once more.
            Form.Set("submissionId", Guid.NewGuid().ToString("N"));
            Form.AddError("$", "This form was already sent with other content; check it and send it again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var record = outcome.Case!;
        var token = TrackingToken.New();
        await trackingLinks.AddAsync(token, record.Id, cancellationToken);
        Accepted = new Receipt(record.Id, CaseViews.Local(record, record.ReceivedAtUtc), "/track/" + token);
        return Page();
    }

    private static ReportSubmission Read(FormFields form)
    {
        return new ReportSubmission(
            new Reporter(form["reporter.name"].Trim(), form["reporter.email"].Trim(), form.Optional("reporter.organization")?.Trim(), form["reporter.country"].Trim().ToUpperInvariant()),
            new Product(form["product.vendor"].Trim(), form["product.name"].Trim(), form.Optional("product.model")?.Trim(), form["product.version"].Trim()),
            form["title"].Trim(),
            form["description"],
            form.UpstreamComponent());
    }
}
