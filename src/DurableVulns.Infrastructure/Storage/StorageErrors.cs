using Azure;
using Azure.Data.Tables.Models;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>Which storage failures mean what the caller can treat as done.</summary>
public static class StorageErrors
{
    /// <summary>
    /// True when an insert failed because the entity is already there (a retried write). Other
    /// conflicts, such as a table being deleted, are failures: taking them for done would lose the write.
    /// </summary>
    public static bool IsAlreadyExists(RequestFailedException failure) =>
        failure.Status == 409 && failure.ErrorCode == TableErrorCode.EntityAlreadyExists.ToString();
}
