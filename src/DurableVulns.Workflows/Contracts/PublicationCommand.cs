using DurableVulns.Domain.Disclosure;
using DurableVulns.Domain.Policy;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// A publication the gate let through. <see cref="Blackout"/> names the national-event window it
/// was requested in, if any: then it waits for MPS consent (Art. 9(6)). <see cref="Calendar"/> holds
/// the windows in force when it was requested that had not ended yet, so that the workflow, and
/// the step that sends the advisory, can tell whether a window began while the publication waited
/// (null in commands sent before it was added).
/// </summary>
public sealed record PublicationCommand(Advisory Advisory, string? Blackout, IReadOnlyList<BlackoutWindow>? Calendar = null)
{
    /// <summary>The window of <see cref="Calendar"/> that <paramref name="utc"/> falls in, if any.</summary>
    public string? BlackoutAt(DateTime utc) =>
        Calendar?.FirstOrDefault(w => w.Contains(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))))?.Name;
}
