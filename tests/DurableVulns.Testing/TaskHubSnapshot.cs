using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace DurableVulns.Testing;

/// <summary>
/// A task hub as <c>scripts/export-task-hub.cs</c> wrote it: the rows of its tables (the engine's
/// histories and instances, and our own records) of cases an older version of the workflows started,
/// the messages its queues showed, the names of its cases, and approval links its host mailed.
/// </summary>
public sealed class TaskHubSnapshot
{
    private readonly JsonObject snapshot;

    private TaskHubSnapshot(JsonObject snapshot) => this.snapshot = snapshot;

    public static async Task<TaskHubSnapshot> LoadAsync(string path) =>
        new((JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!);

    /// <summary>The case id the export named <paramref name="name"/> (say, "patched").</summary>
    public string Case(string name) => snapshot["cases"]![name]!.GetValue<string>();

    /// <summary>The path of the approval link the export kept as <paramref name="name"/> (say, "approveMps").</summary>
    public string Link(string name) => snapshot["links"]![name]!.GetValue<string>();

    /// <summary>Every case id the export named.</summary>
    public IEnumerable<string> Cases => snapshot["cases"]!.AsObject().Select(named => named.Value!.GetValue<string>());

    /// <summary>
    /// Writes every row into the same tables of <paramref name="taskHub"/>, created if missing, in the
    /// export's order: the engine's first, so that no case record shows without its workflow. Then
    /// sends the messages the export found in its queues (a timer that fell due after the old host
    /// stopped) to the same queues of <paramref name="taskHub"/>, where a running worker takes them.
    /// </summary>
    public async Task ImportAsync(string taskHub)
    {
        foreach (var (suffix, rows) in snapshot["tables"]!.AsObject())
        {
            var table = new TableClient(DurableVulnsHost.ConnectionString, taskHub + suffix);
            await table.CreateIfNotExistsAsync();
            foreach (var row in rows!.AsArray())
            {
                var entity = ToEntity(row!.AsObject());
                if (entity.ContainsKey("TaskHubName")) entity["TaskHubName"] = taskHub;
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
            }
        }
        foreach (var (suffix, messages) in snapshot["queues"]?.AsObject() ?? [])
        {
            var queue = new QueueClient(DurableVulnsHost.ConnectionString, $"{taskHub.ToLowerInvariant()}-{suffix}");
            await queue.CreateIfNotExistsAsync();
            foreach (var message in messages!.AsArray()) await queue.SendMessageAsync(message!.GetValue<string>());
        }
    }

    private static TableEntity ToEntity(JsonObject row)
    {
        var entity = new TableEntity();
        foreach (var (name, typed) in row)
        {
            var pair = typed!.AsArray();
            var value = pair[1]!;
            entity[name] = pair[0]!.GetValue<string>() switch
            {
                "String" => value.GetValue<string>(),
                "Boolean" => value.GetValue<bool>(),
                "Int32" => value.GetValue<int>(),
                "Int64" => long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture),
                "Double" => value.GetValue<double>(),
                "DateTime" => DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                "Guid" => Guid.Parse(value.GetValue<string>()),
                "Binary" => Convert.FromBase64String(value.GetValue<string>()),
                var type => throw new NotSupportedException($"A table value of type {type}."),
            };
        }
        return entity;
    }
}
