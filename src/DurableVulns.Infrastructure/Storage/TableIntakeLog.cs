using System.Globalization;
using Azure.Data.Tables;
using DurableVulns.Domain.Policy;
using DurableVulns.Workflows.Ports;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// The Art. 5 intake log, partitioned by UTC day (<c>yyyyMMdd</c>) so that retention purges
/// whole days; rows sort by time within a day.
/// </summary>
public sealed class TableIntakeLog(TableSet tables, TimeProvider time) : IIntakeLog
{
    private const string Table = "IntakeLog";

    public async Task RecordAsync(IntakeAttempt attempt, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var at = DateTime.SpecifyKind(attempt.AtUtc, DateTimeKind.Utc);
        var entity = new TableEntity(PartitionOf(DateOnly.FromDateTime(at)), $"{at.Ticks:D19}-{Guid.NewGuid():N}")
        {
            ["AtUtc"] = at,
            ["Outcome"] = attempt.Outcome,
            ["Status"] = attempt.Status,
            ["CaseId"] = attempt.CaseId,
            ["Reason"] = attempt.Reason,
            ["ContentType"] = attempt.ContentType,
            ["ContentLength"] = attempt.ContentLength,
            ["RemoteAddress"] = attempt.RemoteAddress,
        };
        await client.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<IReadOnlyList<IntakeAttempt>> ReadDayAsync(DateOnly dayUtc, CancellationToken cancellationToken = default)
    {
        var client = await tables.GetAsync(Table, cancellationToken);
        var partition = PartitionOf(dayUtc);
        var attempts = new List<IntakeAttempt>();
        await foreach (var e in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                           cancellationToken: cancellationToken))
        {
            attempts.Add(new IntakeAttempt(
                DateTime.SpecifyKind(e.GetDateTime("AtUtc") ?? default, DateTimeKind.Utc),
                e.GetString("Outcome"),
                e.GetInt32("Status") ?? 0,
                e.GetString("CaseId"),
                e.GetString("Reason"),
                e.GetString("ContentType"),
                e.GetInt64("ContentLength"),
                e.GetString("RemoteAddress")));
        }
        return attempts;
    }

    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken = default)
    {
        if (retention < PolicyLoader.MinimumIntakeLogRetention)
            throw new ArgumentOutOfRangeException(nameof(retention), "Art. 5 keeps intake logs at least six months.");
        var client = await tables.GetAsync(Table, cancellationToken);
        var cutoff = PartitionOf(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime - retention));
        // Partition keys are yyyyMMdd, so string order is date order.
        return await TableSweep.DeleteAsync(client, TableClient.CreateQueryFilter($"PartitionKey lt {cutoff}"), [], _ => true, cancellationToken);
    }

    private static string PartitionOf(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
