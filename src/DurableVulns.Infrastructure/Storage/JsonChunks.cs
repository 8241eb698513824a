using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// Stores a JSON document across string properties <c>Json0</c>, <c>Json1</c>, … because one
/// table property holds at most 64 KiB while a report may be larger.
/// </summary>
public static class JsonChunks
{
    private const int ChunkLength = 30_000;
    private const string Prefix = "Json";
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void Write<T>(TableEntity entity, T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        foreach (var stale in entity.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList()) entity.Remove(stale);
        for (int i = 0, at = 0; at < json.Length || i == 0; i++, at += ChunkLength)
            entity[Prefix + i] = json.Substring(at, Math.Min(ChunkLength, json.Length - at));
    }

    public static T Read<T>(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var i = 0; entity.TryGetValue(Prefix + i, out var chunk) && chunk is string text; i++) json.Append(text);
        return JsonSerializer.Deserialize<T>(json.ToString(), Options)
            ?? throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} holds no document.");
    }
}
