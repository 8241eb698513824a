namespace DurableVulns.Web.Portal;

/// <summary>One labelled input of a form, with its value and errors (rendered by <c>_Field.cshtml</c>).</summary>
public sealed record FieldView(FormFields Form, string Name, string Label, bool Required = true, string Type = "text", bool Multiline = false)
{
    public string? Hint { get; init; }

    /// <summary>Visible lines of a multi-line field.</summary>
    public int Rows { get; init; } = 3;
}
