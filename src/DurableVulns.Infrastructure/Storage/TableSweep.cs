using Azure;
using Azure.Data.Tables;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>The retention run's delete of the rows a filter finds (intake log, sent-mail log, Idempotency-Keys).</summary>
internal static class TableSweep
{
    /// <summary>
    /// Deletes each row <paramref name="filter"/> finds and <paramref name="isDue"/> (given the
    /// <paramref name="select"/>ed columns) still holds due; returns how many went. A row is deleted by
    /// its ETag, so one written again since it was read stays, and one another host's run deleted
    /// meanwhile is passed over.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient client, string filter, IReadOnlyList<string> select,
        Func<TableEntity, bool> isDue, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", .. select], cancellationToken: cancellationToken))
        {
            if (!isDue(row)) continue;
            try
            {
                await client.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException gone) when (gone.Status is 404 or 412)
            {
                // Deleted by another host's run, or written again, meanwhile.
            }
        }
        return deleted;
    }
}
