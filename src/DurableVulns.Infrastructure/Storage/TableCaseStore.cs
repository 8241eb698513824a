using DurableVulns.Domain.Rules;
using Azure;
using Azure.Data.Tables;
using DurableVulns.Domain.Reports;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Case records, one entity per case (partition = case id). The whole record is kept as
/// JSON; stage and deadline are also plain columns so that lists can filter on them.
/// </summary>
public sealed class TableCaseStore(TableSet tables) : ICaseStore
{
    private const string Table = "Cases";
    private const string RowKey = "case";
    private const int MaxConflictRetries = 20;

    public async Task<CaseRecord?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        if (!StorageKeys.IsSafe(caseId)) return null;
        var entity = await ReadAsync(caseId, cancellationToken);
        return entity is null ? null : JsonChunks.Read<CaseRecord>(entity);
    }

    public async Task<bool> CreateAsync(CaseRecord record, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        try
        {
            await client.AddEntityAsync(ToStorableEntity(record), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (StorageErrors.IsAlreadyExists(ex))
        {
            // Already created by another attempt of the same intake: keep the first.
            return false;
        }
    }

    public async Task<IReadOnlyList<CaseRecord>> ListAsync(DateTime? closedWithDeadlineSinceUtc = null, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        // Filtered by the service on the plain columns, so closed cases older than the bound never
        // leave storage; the SDK follows the continuation tokens page by page.
        var filter = closedWithDeadlineSinceUtc is { } since
            ? TableClient.CreateQueryFilter($"Stage ne {nameof(CaseStage.Closed)} or MiitDeadlineUtc ge {UtcTime.AsUtc(since)}")
            : TableClient.CreateQueryFilter($"Stage ne {nameof(CaseStage.Closed)}");
        var records = new List<CaseRecord>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            records.Add(JsonChunks.Read<CaseRecord>(entity));
        return records;
    }

    public async Task<IReadOnlyList<string>> ListReceivedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        // The plain columns again, and only the keys come back: the intake recovery asks every few minutes.
        var filter = TableClient.CreateQueryFilter(
            $"Stage eq {nameof(CaseStage.Received)} and ReceivedAtUtc ge {UtcTime.AsUtc(fromUtc)} and ReceivedAtUtc le {UtcTime.AsUtc(toUtc)}");
        var ids = new List<string>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
            ids.Add(entity.PartitionKey);
        return ids;
    }

    public Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(caseId, change, 0, cancellationToken);

    public async Task<CaseRecord> UpdateAsync(string caseId, Func<CaseRecord, CaseRecord> change, int spareBytes, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var entity = await ReadAsync(caseId, cancellationToken)
                ?? throw new InvalidOperationException($"Case {caseId} does not exist.");
            var current = JsonChunks.Read<CaseRecord>(entity);
            var updated = change(current);
            // A change that returns the record it was given changes nothing: no write.
            if (ReferenceEquals(updated, current)) return current;
            try
            {
                await client.UpdateEntityAsync(ToStorableEntity(updated, spareBytes, entity), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return updated;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && attempt < MaxConflictRetries)
            {
                // Someone else wrote the case meanwhile: read it again and reapply the change.
            }
        }
    }

    public bool Fits(CaseRecord record, int spareBytes = 0) => TableEntitySize.Of(ToEntity(record)) + spareBytes <= TableEntitySize.MaxBytes;

    private async Task<TableEntity?> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var response = await client.GetEntityIfExistsAsync<TableEntity>(caseId, RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    // Refused here, before the write, as Table storage counts it: the service's own refusal is a
    // storage error like any other (a step would retry it for ever), and Azurite counts its own way.
    // With spare bytes asked for, so is a record that would leave less free, unless the stored one
    // (`stored`) already does: that is the same step retried after a later small write.
    private static TableEntity ToStorableEntity(CaseRecord record, int spareBytes = 0, TableEntity? stored = null)
    {
        var entity = ToEntity(record);
        var size = TableEntitySize.Of(entity);
        const int max = TableEntitySize.MaxBytes;
        if (size <= max && (size + spareBytes <= max || stored is not null && TableEntitySize.Of(stored) + spareBytes > max)) return entity;
        throw new CaseRecordTooLargeException(size > max
            ? $"Case {record.Id} would take {size} bytes in storage, more than the {max} one case may; nothing was written."
            : $"Case {record.Id} would take {size} bytes in storage, leaving less than {spareBytes} of the {max} one case may free; nothing was written.");
    }

    private static TableEntity ToEntity(CaseRecord record)
    {
        var entity = new TableEntity(record.Id, RowKey)
        {
            ["Stage"] = record.Stage.ToString(),
            ["ReceivedAtUtc"] = record.ReceivedAtUtc,
            ["MiitDeadlineUtc"] = record.MiitDeadlineUtc,
            ["MiitSubmitted"] = record.MiitSubmitted,
            ["MiitBreached"] = record.MiitBreached,
        };
        JsonChunks.Write(entity, record);
        return entity;
    }
}
