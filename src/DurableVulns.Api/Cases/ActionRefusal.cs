namespace DurableVulns.Api.Cases;

/// <summary>Why a case refuses an action: the HTTP status and problem text that the API answers, which the console shows too.</summary>
public sealed record ActionRefusal(int Status, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public const string ConflictTitle = "The case does not allow this action now.";

    public static ActionRefusal Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(409, ConflictTitle, detail, extensions);
}
