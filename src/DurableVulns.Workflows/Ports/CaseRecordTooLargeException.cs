namespace DurableVulns.Workflows.Ports;

/// <summary>
/// The case record would exceed what the store holds for one case (Table storage: 1 MiB per
/// entity). Nothing was written. The PSIRT actions check <see cref="ICaseStore.Fits"/> first; two
/// long actions accepted at once can still meet it, and the step that meets it refuses its action.
/// </summary>
public sealed class CaseRecordTooLargeException : Exception
{
    public CaseRecordTooLargeException()
    {
    }

    public CaseRecordTooLargeException(string message) : base(message)
    {
    }

    public CaseRecordTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
