using Azure.Data.Tables;

namespace DurableVulns.Infrastructure.Storage;

/// <summary>
/// An entity's size as Table storage counts it against its 1 MiB limit: 4 bytes, the keys in
/// UTF-16, and per property 8 bytes, its name in UTF-16 and its value (a string in UTF-16 plus 4).
/// Azurite applies the limit its own way (it refused a record this count puts at 0.8 MB), so the
/// stores check it as Table storage counts it, before they write.
/// </summary>
internal static class TableEntitySize
{
    public const int MaxBytes = 1024 * 1024;

    // The service adds Timestamp to every entity.
    private const int Timestamp = 8 + 2 * 9 + 8;

    public static int Of(TableEntity entity)
    {
        var bytes = 4 + 2 * (entity.PartitionKey.Length + entity.RowKey.Length) + Timestamp;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            bytes += 8 + 2 * name.Length + value switch
            {
                string text => 4 + 2 * text.Length,
                byte[] binary => 4 + binary.Length,
                bool => 1,
                int => 4,
                Guid => 16,
                _ => 8, // DateTime, DateTimeOffset, long, double
            };
        }
        return bytes;
    }
}
