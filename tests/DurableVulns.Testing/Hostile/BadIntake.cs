namespace DurableVulns.Testing.Hostile;

/// <summary>
/// One hostile intake request: a body sent as is, with a content type (none when null), with or
/// without a Content-Length (a streamed body has none), and an optional Idempotency-Key; and the
/// 4xx the intake must answer it with.
/// </summary>
public sealed record BadIntake(string Name, string? ContentType, byte[] Body, int Expected, bool Streamed = false, string? IdempotencyKey = null)
{
    public override string ToString() => Name;
}
