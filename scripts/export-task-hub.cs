#:package Azure.Data.Tables@12.13.0
#:package Azure.Storage.Queues@12.24.0
#:property ManagePackageVersionsCentrally=false
#:property PublishAot=false

// Writes every row of a task hub's tables on the dev Azurite (the engine's History and Instances,
// and ours: Cases, Audit, …) to a JSON file, so that a test can load the histories an older version
// of the workflows wrote and finish those cases on the current code (OlderVersionReplayTests), with
// the messages its queues show: a timer that fell due after its host stopped is one. A message
// still hidden (a timer not yet due) cannot be read, so it is not exported.
// Usage: dotnet run scripts/export-task-hub.cs -- <taskHub> <output.json> [name=caseId …] [link:name=path …]
// A link is the path of an approval link the old host mailed, for a test to follow after the import.
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;

if (args.Length < 2 || args.Skip(2).Any(pair => !pair.Contains('=')))
{
    Console.Error.WriteLine("usage: dotnet run scripts/export-task-hub.cs -- <taskHub> <output.json> [name=caseId …] [link:name=path …]");
    return 2;
}
var hub = args[0];
var service = new TableServiceClient("UseDevelopmentStorage=true");
var tables = new JsonObject();
// The engine's tables first, so that an import never shows a case record without its workflow (the
// intake recovery would start one). The partition leases belong to the workers that ran, not to the cases.
string[] suffixes = ["History", "Instances", "Cases", "Audit", "SentMail", "IntakeLog", "Idempotency", "Approvals", "TrackingLinks"];
foreach (var suffix in suffixes)
{
    var rows = new JsonArray();
    var table = service.GetTableClient(hub + suffix);
    // A table the run never needed was never created.
    if (!await service.QueryAsync(t => t.Name == table.Name).AnyAsync()) continue;
    await foreach (var entity in table.QueryAsync<TableEntity>())
    {
        var row = new JsonObject();
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // A large message lives in a blob, which this export does not carry.
            if (name.EndsWith("BlobName", StringComparison.Ordinal)) throw new NotSupportedException($"{table.Name} row {entity.RowKey} keeps {name} in a blob.");
            if (name is not ("odata.etag" or "Timestamp")) row[name] = Typed(value);
        }
        rows.Add((JsonNode)row);
    }
    tables[suffix] = rows;
}
var queues = new JsonObject();
var queueService = new QueueServiceClient("UseDevelopmentStorage=true");
await foreach (var queue in queueService.GetQueuesAsync(prefix: hub.ToLowerInvariant() + "-"))
{
    // A peek returns at most 32 messages; an export of an idle host has a few. The import sends them
    // to the same-named queues, so both hubs must have as many partitions (DurableEngineOptions.PartitionCount).
    var messages = (await queueService.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value;
    if (messages.Length == 32) throw new NotSupportedException($"{queue.Name} holds more messages than one peek returns.");
    foreach (var message in messages)
    {
        // A large message lives in a blob, which this export does not carry.
        if (JsonNode.Parse(message.Body.ToString())?["CompressedBlobName"] is not null) throw new NotSupportedException($"{queue.Name} holds a message kept in a blob.");
    }
    if (messages.Length > 0) queues[queue.Name[(hub.Length + 1)..]] = new JsonArray([.. messages.Select(m => (JsonNode)m.Body.ToString())]);
}
var cases = new JsonObject();
var links = new JsonObject();
foreach (var pair in args.Skip(2))
{
    var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
    if (name.StartsWith("link:", StringComparison.Ordinal)) links[name["link:".Length..]] = value;
    else cases[name] = value;
}
var snapshot = new JsonObject { ["taskHub"] = hub, ["cases"] = cases, ["links"] = links, ["tables"] = tables, ["queues"] = queues };
await File.WriteAllTextAsync(args[1], snapshot.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"{tables.Count} tables, {tables.Sum(t => t.Value!.AsArray().Count)} rows and {queues.Sum(q => q.Value!.AsArray().Count)} queued messages written to {args[1]}");
return 0;

// Each value as [EDM type, value], so that the import writes the same types back.
static JsonArray Typed(object? value) => value switch
{
    string s => ["String", s],
    bool b => ["Boolean", b],
    int i => ["Int32", i],
    long l => ["Int64", l.ToString(System.Globalization.CultureInfo.InvariantCulture)],
    double d => ["Double", d],
    DateTimeOffset t => ["DateTime", t.UtcDateTime.ToString("O")],
    Guid g => ["Guid", g.ToString()],
    byte[] bytes => ["Binary", Convert.ToBase64String(bytes)],
    BinaryData data => ["Binary", Convert.ToBase64String(data.ToArray())],
    _ => throw new NotSupportedException($"A table value of type {value?.GetType().Name ?? "null"}."),
};
