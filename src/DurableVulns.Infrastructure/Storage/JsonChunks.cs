using System.Text;
using System.Text.Encodings.Web;
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
    // Chinese text is stored as itself, not as \uXXXX escapes that would make it six times
    // larger and push a long report past the 1 MiB entity limit of real Azure tables.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write<T>(TableEntity entity, T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        foreach (var stale in entity.Keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList()) entity.Remove(stale);
        for (int i = 0, at = 0; at < json.Length || i == 0; i++)
        {
            var length = Math.Min(ChunkLength, json.Length - at);
            // Never split a surrogate pair: each half alone is not valid UTF-16 text.
            if (length > 0 && at + length < json.Length && char.IsHighSurrogate(json[at + length - 1])) length--;
            entity[Prefix + i] = json.Substring(at, length);
            at += length;
        }
    }

    public static T Read<T>(TableEntity entity)
    {
        var json = new StringBuilder();
        for (var i = 0; entity.TryGetValue(Prefix + i, out var chunk) && chunk is string text; i++) json.Append(text);
        return JsonSerializer.Deserialize<T>(json.ToString(), Options)
            ?? throw new InvalidOperationException($"Entity {entity.PartitionKey}/{entity.RowKey} holds no document.");
    }
}
