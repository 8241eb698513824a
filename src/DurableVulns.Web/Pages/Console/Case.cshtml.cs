using System.Globalization;
using DurableVulns.Api.Cases;
using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Reports;
using DurableVulns.Domain.Rules;
using DurableVulns.Web.Console;
using DurableVulns.Web.Localization;
using DurableVulns.Web.Portal;
using DurableVulns.Workflows.Contracts;
using DurableVulns.Workflows.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DurableVulns.Web.Pages.Console;

/// <summary>
/// One case: report, assessment, MIIT package, disclosure state, timeline and audit trail, and a form
/// for each PSIRT action. Every render is an audit entry naming the signed-in user (Art. 4, 11); every
/// action goes through <see cref="CaseActions"/>, the same path, rules and errors as the API.
/// </summary>
public sealed class CaseModel(ICaseStore cases, IAuditLog audit, CaseActions actions, TimeProvider time) : PageModel
{
    public CaseRecord Record { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    public MiitPackageView Package { get; private set; } = null!;

    public MiitCountdown Clock { get; private set; } = null!;

    /// <summary>The form that was posted and failed: its values and errors are shown again.</summary>
    public string? ActiveForm { get; private set; }

    public FormFields Form { get; private set; } = new();

    /// <summary>Why the case refused the posted action, or why it could not be sent.</summary>
    public string? Problem { get; private set; }

    /// <summary>The action just applied (after the redirect), or "queued".</summary>
    public string? Done { get; private set; }

    public bool IsLead => User.IsInRole(ConsoleRoles.Lead);

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Done = done is "assess" or "miit" or "patch" or "disclosure" or "publish" or "close" or "queued" ? done : null;
        return await RenderAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostAssessAsync(string id, CancellationToken cancellationToken) => ActAsync(id, "assess", form =>
        actions.AssessAsync(id, new Assessment(form["severity"].Trim(), Lines(form["affectedVersions"]), form["technicalCharacteristics"], form["harm"], form["scope"],
                form.UpstreamComponent()),
            User.StaffName(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMiitAsync(string id, CancellationToken cancellationToken) => ActAsync(id, "miit", form =>
        actions.SubmitToMiitAsync(id, new MiitSubmission(form["receiptId"].Trim()), User.StaffName(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPatchAsync(string id, CancellationToken cancellationToken) => ActAsync(id, "patch", form =>
        actions.ReleasePatchAsync(id, new PatchRelease(form["fixedVersion"].Trim(), form["fix"]), User.StaffName(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDisclosureAsync(string id, CancellationToken cancellationToken) => ActAsync(id, "disclosure", form =>
        actions.RequestDisclosureAsync(id, new DisclosureRequest(form["requestedBy"], form["reason"],
            DateOnly.TryParseExact(form["proposedDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            form["jointAssessment"]), User.StaffName(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(string id, CancellationToken cancellationToken) => LeadOnly(id, EventNames.Publication, () => ActAsync(id, "publish", form =>
        actions.PublishAsync(id, new Advisory(form["title"].Trim(), form["body"], form["fix"], Recipients(form["recipients"]),
            YesNo(form["containsExploitCode"]), YesNo(form["containsOperatorSystemDetails"])), User.StaffName(), cancellationToken), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string id, CancellationToken cancellationToken) => LeadOnly(id, EventNames.Close, () => ActAsync(id, "close", form =>
        actions.CloseAsync(id, new CloseRequest(form.Optional("reason")), User.StaffName(), cancellationToken), cancellationToken), cancellationToken);

    // Only a lead closes a case or publishes; the forms are not shown to analysts, and a post is
    // refused, and recorded like every other refused action.
    private async Task<IActionResult> LeadOnly(string id, string action, Func<Task<IActionResult>> act, CancellationToken cancellationToken)
    {
        if (IsLead) return await act();
        if (await cases.GetAsync(id, cancellationToken) is not null)
            await actions.RefusedAsync(id, action, User.StaffName(),
                new ActionRefusal(StatusCodes.Status403Forbidden, "Not allowed for this role.", "Closing a case and publishing an advisory need a lead."), cancellationToken);
        return Forbid();
    }

    private async Task<IActionResult> ActAsync(string id, string form, Func<FormFields, Task<ActionOutcome>> act, CancellationToken cancellationToken)
    {
        Form = FormFields.From(Request.Form);
        ActiveForm = form;
        var outcome = await act(Form);
        switch (outcome.Kind)
        {
            case ActionOutcomeKind.Applied:
                return Redirect($"/console/cases/{id}?done={form}");
            case ActionOutcomeKind.Queued:
                return Redirect($"/console/cases/{id}?done=queued");
            case ActionOutcomeKind.NotFound:
                return await RenderAsync(id, cancellationToken);
            case ActionOutcomeKind.Invalid:
                Form.AddErrors(outcome.Errors!);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ActionOutcomeKind.Refused:
                Problem = outcome.Refusal!.Title + " " + outcome.Refusal.Detail;
                Response.StatusCode = outcome.Refusal.Status;
                break;
            default:
                Response.Headers.RetryAfter = CaseActions.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                Problem = Lang.T("The case's workflow has not started yet; nothing was changed. Send the form again in a few seconds.",
                    "案件的工作流尚未启动，未做任何更改。请几秒后重新提交。");
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                break;
        }
        return await RenderAsync(id, cancellationToken);
    }

    private async Task<IActionResult> RenderAsync(string id, CancellationToken cancellationToken)
    {
        var record = await cases.GetAsync(id, cancellationToken);
        if (record is null) return NotFound();
        var now = time.GetUtcNow().UtcDateTime;
        // Written before the page is shown: no unlogged read of an undisclosed vulnerability.
        await audit.AppendAsync(id, new AuditEntry("view-" + Guid.NewGuid().ToString("N"), now, TimelineTypes.CaseViewed, Articles.Confidentiality,
            "Case details viewed in the PSIRT console.", User.StaffName()), cancellationToken);
        Record = record;
        Audit = await audit.ReadAsync(id, cancellationToken);
        Package = CaseViews.Package(record);
        Clock = MiitCountdown.Of(record, now);
        return Page();
    }

    /// <summary>Whether the case, as recorded, takes <paramref name="action"/> now (the orchestration checks again).</summary>
    public bool Allows(CaseAction action) => CaseRules.Refusal(action, Record.Stage, Record.MiitSubmitted) is null
        && !(action == CaseAction.Close && Record.ReviewPending);

    public bool AllowsDisclosureRequest => CaseRules.DisclosureRefusal(Record.Stage, Record.Disclosure?.State) is null && !Record.ReviewPending;

    public bool AllowsPublication => Record.Stage != CaseStage.Closed && !Record.Embargoed && !Record.Published && !Record.ReviewPending;

    /// <summary>The form's values for <paramref name="form"/>: as posted when it failed, else empty.</summary>
    public FormFields FormFor(string form) => ActiveForm == form ? Form : new FormFields();

    private static string[] Lines(string text) =>
        [.. text.Split(['\n', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static bool? YesNo(string value) => value switch { "yes" => true, "no" => false, _ => null };

    // One recipient per line: "address, CC".
    private static Recipient[] Recipients(string text) =>
    [
        .. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new Recipient(parts[0], parts.Length > 1 ? parts[1].ToUpperInvariant() : "")),
    ];
}
