using DurableVulns.Domain.Validation;
using Microsoft.AspNetCore.Http;

namespace DurableVulns.Api.Http;

/// <summary>RFC 7807 problem details for every error the API returns.</summary>
public static class Problems
{
    public static IResult Validation(FieldErrors errors) =>
        Results.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.", statusCode: StatusCodes.Status400BadRequest);

    public static IResult Field(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    public static IResult Status(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status, extensions: extensions);

    public static IResult NotFound(string id) =>
        Status(StatusCodes.Status404NotFound, "No such case.", $"There is no case '{Shorten(id)}'.");

    /// <summary>A case's refusal of an action, as the problem the API answers.</summary>
    public static IResult Refused(Cases.ActionRefusal refusal) =>
        Status(refusal.Status, refusal.Title, refusal.Detail, refusal.Extensions?.ToDictionary());

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
