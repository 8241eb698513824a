using DurableVulns.Domain.Disclosure;

namespace DurableVulns.Workflows.Contracts;

/// <summary>
/// A publication the gate let through. <see cref="Blackout"/> names the national-event window it
/// was requested in, if any: then it waits for MPS consent (Art. 9(6)).
/// </summary>
public sealed record PublicationCommand(Advisory Advisory, string? Blackout);
