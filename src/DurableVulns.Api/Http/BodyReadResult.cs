using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Http;

/// <summary>A request body read as <typeparamref name="T"/>, or the problem that stopped it.</summary>
public sealed record BodyReadResult<T>(T? Value, IResult? Problem, string? RejectReason, string RawText = "")
{
    public bool Succeeded => Problem is null;
}
