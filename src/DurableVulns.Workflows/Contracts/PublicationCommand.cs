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
    /// <summary>
    /// The window of <see cref="Calendar"/> that <paramref name="utc"/> falls in when the API let the
    /// publication through outside any (<see cref="Blackout"/> null): it began since, and the
    /// publication is held for MPS consent as one requested in it would be.
    /// </summary>
    public string? WindowBegunAt(DateTime utc) => Blackout is null ? BlackoutWindow.At(Calendar, Utc(utc))?.Name : null;

    /// <summary>
    /// The window of <see cref="Calendar"/> nearest <paramref name="utc"/> (the one it falls in, if
    /// any), or empty without a calendar. The publishing step found a window begun by its own clock,
    /// which may differ a little from the workflow's.
    /// </summary>
    public string NearestWindowAt(DateTime utc)
    {
        var at = Utc(utc);
        return Calendar?.MinBy(w => w.Contains(at) ? TimeSpan.Zero : w.From > at ? w.From - at : at - w.To)?.Name ?? "";
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
